import sys
X = "main value"
import import_main_by_name as again
print(again is sys.modules["__main__"], again.__name__, again.X)
