import sys
import pkg
print(hasattr(pkg, "deep"), "pkg.deep" in sys.modules)
import pkg.deep.leaf
print(hasattr(pkg, "deep"), hasattr(pkg.deep, "leaf"), pkg.deep.leaf.VALUE)
print(sorted(m for m in sys.modules if m.startswith("pkg")))
