print("pkg.sub init", __name__, __package__)
def helper():
    return "helper from " + __name__
