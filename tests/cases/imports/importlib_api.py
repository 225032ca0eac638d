import importlib, importlib.util, importlib.machinery, sys, zipimport
m = importlib.import_module('json.decoder' if False else 'colorsys')
print(m.__name__, m.rgb_to_hsv(1, 0, 0))
spec = importlib.util.find_spec('colorsys')
print(spec.name, spec.origin.endswith('colorsys.py'), type(spec.loader).__name__)
print(importlib.util.find_spec('math').origin, importlib.machinery.BuiltinImporter.find_spec('math').name)
print(importlib.machinery.SOURCE_SUFFIXES, importlib.machinery.EXTENSION_SUFFIXES[:0])
import _frozen_importlib
print(_frozen_importlib is importlib._bootstrap, sys.modules['importlib._bootstrap'] is importlib._bootstrap)
mod = importlib.util.module_from_spec(spec)
spec.loader.exec_module(mod)
print(mod.hls_to_rgb(0.5, 0.5, 0.5))
print(importlib.reload(m) is m)
