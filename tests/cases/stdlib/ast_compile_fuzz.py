# Random changes to the trees of stdlib files, compiled: the same warnings, errors and
# successes as CPython (a seeded random.Random, so the same changes in both).
import ast, glob, random, sys
rnd = random.Random(1)
files = ['/usr/lib/python3.11/%s.py' % m for m in ('keyword', 'colorsys', 'bisect')]
L = dict(lineno=1, col_offset=0, end_lineno=1, end_col_offset=1)
def rand_expr():
    c = rnd.randrange(12)
    if c == 0: return ast.Starred(ast.Name('s', ast.Load(), **L), ast.Load(), **L)
    if c == 1: return ast.Yield(ast.Constant(1, **L), **L)
    if c == 2: return ast.Await(ast.Name('a', ast.Load(), **L), **L)
    if c == 3: return ast.YieldFrom(ast.Name('a', ast.Load(), **L), **L)
    if c == 4: return ast.NamedExpr(ast.Name('w', ast.Store(), **L), ast.Constant(2, **L), **L)
    if c == 5: return ast.Lambda(ast.arguments([], [ast.arg('q', **L)], None, [], [], None, []), ast.Name('q', ast.Load(), **L), **L)
    if c == 6: return ast.GeneratorExp(ast.Name('i', ast.Load(), **L), [ast.comprehension(ast.Name('i', ast.Store(), **L), ast.Name('r', ast.Load(), **L), [], rnd.randrange(2))], **L)
    if c == 7: return ast.JoinedStr([ast.FormattedValue(ast.Constant(1, **L), rnd.choice([-1, 115, 114, 97, 5]), None, **L)], **L)
    if c == 8: return ast.Constant(rnd.choice([(1, 2), frozenset({1}), None, ..., 2**70, 'x', b'y']), **L)
    if c == 9: return ast.Dict([None, ast.Constant(1, **L)], [ast.Name('d', ast.Load(), **L), ast.Constant(2, **L)], **L)
    if c == 10: return ast.Call(ast.Name('f', ast.Load(), **L), [ast.Starred(ast.Name('a', ast.Load(), **L), ast.Load(), **L)], [ast.keyword(None, ast.Name('k', ast.Load(), **L), **L), ast.keyword('x', ast.Constant(1, **L), **L), ast.keyword('x', ast.Constant(1, **L), **L)], **L)
    return ast.Slice(None, ast.Constant(1, **L), None, **L)
def rand_stmt():
    c = rnd.randrange(10)
    if c == 0: return ast.Return(ast.Constant(1, **L), **L)
    if c == 1: return ast.Break(**L)
    if c == 2: return ast.Continue(**L)
    if c == 3: return ast.Nonlocal(['zz'], **L)
    if c == 4: return ast.Global(['zz'], **L)
    if c == 5: return ast.ImportFrom('os', [ast.alias('*', **L)], 0, **L)
    if c == 6: return ast.Match(ast.Name('m', ast.Load(), **L), [ast.match_case(ast.MatchSequence([ast.MatchStar('a', **L), ast.MatchStar('b', **L)], **L), None, [ast.Pass(**L)])], **L)
    if c == 7: return ast.Match(ast.Name('m', ast.Load(), **L), [ast.match_case(ast.MatchOr([ast.MatchAs(None, 'a', **L), ast.MatchAs(None, 'b', **L)], **L), None, [ast.Pass(**L)]), ast.match_case(ast.MatchAs(None, None, **L), None, [ast.Pass(**L)]), ast.match_case(ast.MatchValue(ast.Constant(1, **L), **L), None, [ast.Pass(**L)])], **L)
    if c == 8: return ast.AnnAssign(ast.Name('v', ast.Store(), **L), ast.Name('int', ast.Load(), **L), None, rnd.randrange(2), **L)
    return ast.Try([ast.Pass(**L)], [ast.ExceptHandler(None, 'e', [ast.Pass(**L)], **L), ast.ExceptHandler(ast.Name('E', ast.Load(), **L), None, [ast.Pass(**L)], **L)], [], [ast.Return(None, **L)], **L)
stats = {}
n = 0
for f in files:
    try:
        tree = ast.parse(open(f, 'rb').read())
    except Exception:
        continue
    nodes = [x for x in ast.walk(tree)]
    for trial in range(6):
        t = ast.parse(open(f, 'rb').read()) if trial else tree
        nodes = list(ast.walk(t))
        for _ in range(3):
            node = rnd.choice(nodes)
            for name, val in ast.iter_fields(node):
                if isinstance(val, ast.expr) and rnd.random() < 0.5:
                    setattr(node, name, rand_expr())
                elif isinstance(val, list) and val and isinstance(val[0], ast.stmt) and rnd.random() < 0.5:
                    val.insert(rnd.randrange(len(val) + 1), rand_stmt())
                elif isinstance(val, list) and val and isinstance(val[0], ast.expr) and rnd.random() < 0.3:
                    val[rnd.randrange(len(val))] = rand_expr()
        ast.fix_missing_locations(t)
        n += 1
        try:
            compile(t, f, 'exec')
            k = 'ok'
        except SystemError as e:
            k = 'SystemError ' + str(e)
            print('SYSTEMERROR', f, trial, e)
        except Exception as e:
            k = type(e).__name__
        stats[k] = stats.get(k, 0) + 1
print(n, sorted(stats.items()))
