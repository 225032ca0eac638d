data = {"users": [{"name": "a", "roles": ["admin", "dev"]}, {"name": "b", "roles": []}]}
print([u["name"] for u in data["users"] if "admin" in u["roles"]])
print({u["name"]: len(u["roles"]) for u in data["users"]})
data["users"][1]["roles"].append("ops")
print(data)
matrix = [[i * 3 + j for j in range(3)] for i in range(3)]
print(matrix, [list(r) for r in zip(*matrix)], sum(map(sum, matrix)))
grid = [[0] * 3 for _ in range(2)]
grid[0][0] = 1
bad = [[0] * 3] * 2
bad[0][0] = 1
print(grid, bad)
