# A cell that holds the function that closes over it, a cell holding a list
# holding the cell, and the counts gc.collect() reports for them.
import gc
import types

gc.disable()
gc.collect()

c = types.CellType()
c.cell_contents = c
del c
print("cell self", gc.collect())

c = types.CellType([])
c.cell_contents.append(c)
del c
print("cell list", gc.collect())

c1 = types.CellType()
c2 = types.CellType(c1)
c1.cell_contents = c2
del c1, c2
print("cell pair", gc.collect())
print(gc.is_tracked(types.CellType(1)))
