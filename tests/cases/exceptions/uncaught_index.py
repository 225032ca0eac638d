data = {"items": [[1, 2], [3, 4]]}
print(data["items"][1][1])
print(data["items"][1][5])
