def t(label, f):
    try:
        r = f()
    except Exception as e:
        print(label, type(e).__name__, str(e)[:100])
    else:
        print(label, 'ok', len(r), r[:20], r[-12:])
for spec in ('.70000f', '.70000e', '.70000g', '#.70000g', '.70000%', '.70000', '#.70000e', '.70000E', ',.70000f', '.2147483648f', '.99999999999999999999f', '.2147483648e'):
    t(spec, lambda: format(1.5, spec))
    t('neg ' + spec, lambda: format(-1e-300, spec))
    t('complex ' + spec, lambda: format(1.5+2j, spec))
for pct in ('%.70000f', '%.70000e', '%.70000g', '%#.70000g', '%.2147483648f', '%.2147483647d'[:0] + '%.9999999999999f', '%.70000r', '%.70000s'):
    t(pct, lambda: pct % 1.5)
t('star prec', lambda: '%.*f' % (70000, 2.5))
t('star prec huge', lambda: '%.*f' % (2**31, 2.5))
t('int prec', lambda: '%.70000d' % 5)
t('int prec x', lambda: '%#.70000x' % 255)
t('fstring', lambda: f'{1e300:.70000f}')
t('str fmt', lambda: '{:.70000e}'.format(1e-300))
t('round', lambda: str(round(1.5, 400)))
t('float repr', lambda: repr(5e-324))
