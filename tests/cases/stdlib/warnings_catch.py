# warnings.catch_warnings replaces warnings.filters with a copy: the filters
# it installs (ignore, always, error, once) are the ones warn() applies, and
# the old ones are back afterwards.
import warnings


def show(message, category, filename, lineno, file=None, line=None):
    print("shown:", category.__name__, message, lineno)


warnings.showwarning = show
with warnings.catch_warnings():
    warnings.simplefilter("ignore")
    warnings.warn("hidden")
print("after ignore")
with warnings.catch_warnings(record=True) as caught:
    warnings.simplefilter("always")
    warnings.warn("one")
    warnings.warn("two", DeprecationWarning)
    warnings.warn("one")
print([str(w.message) for w in caught], [w.category.__name__ for w in caught])
with warnings.catch_warnings():
    warnings.simplefilter("error")
    try:
        warnings.warn("boom")
    except UserWarning as e:
        print("raised", e)
for i in range(3):
    warnings.warn("default: once per line")
with warnings.catch_warnings():
    warnings.filterwarnings("ignore", category=RuntimeWarning)
    warnings.warn("rt", RuntimeWarning)
    warnings.warn("user")
with warnings.catch_warnings():
    warnings.simplefilter("once")
    warnings.warn("once")
    warnings.warn("once")
    warnings.warn("once", RuntimeWarning)
warnings.warn("still shown after the blocks")
print(len(warnings.filters) > 0, warnings.showwarning is show)
