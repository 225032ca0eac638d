config = {"a": {"b": 1}}
print(config["a"]["b"])
value = config["a"]["c"]
