// the graph as a language model wrote it for Neo4j
CREATE (kz:Country {name: 'Kazakhstan'})
CREATE (sco:Organization {name: 'Shanghai Cooperation Organization'})
CREATE (kz)-[:MEMBER_OF {since: 2001}]->(sco);
