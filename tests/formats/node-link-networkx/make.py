#!/usr/bin/python3
"""Build the scograph reference graph with networkx and print its node-link JSON.

Regenerate with:  /usr/bin/python3 make.py > graph.json
"""
import json

import networkx as nx

G = nx.DiGraph(name="SCO sample")
G.add_node("Kazakhstan", type="country",
           description="Central Asian state and founding SCO member.",
           region="Central Asia")
G.add_node("SCO", type="organization",
           description="Shanghai Cooperation Organization.")
G.add_node("SCO Investment Fund", type="proposal")
G.add_node("Nurly Zhol", type="policy")
G.add_node("BRI", type="initiative")
G.add_edge("Kazakhstan", "SCO", type="member_of")
G.add_edge("Kazakhstan", "SCO Investment Fund", type="proposes")
G.add_edge("Kazakhstan", "Nurly Zhol", type="pursues")
G.add_edge("Nurly Zhol", "BRI", type="aligns_with")
G.add_edge("SCO Investment Fund", "SCO", type="part_of")

print(json.dumps(nx.node_link_data(G), indent=2, ensure_ascii=False))
