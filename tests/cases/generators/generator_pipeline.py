def read(lines):
    for line in lines:
        yield line
def strip(lines):
    for l in lines:
        yield l.strip()
def nonempty(lines):
    return (l for l in lines if l)
def numbered(lines):
    yield from enumerate(lines, 1)
data = ["  alpha ", "", " beta", "   ", "gamma  "]
for n, l in numbered(nonempty(strip(read(data)))):
    print(n, l)
