def get(d, *keys):
    for k in keys:
        d = d[k]
    return d
cfg = {"db": {"host": "x"}}
print(get(cfg, "db", "host"))
print(get(cfg, "db", "port"))
