# Plan vs each year alone on scenarios/trondelag-plan (its frames and the school-year measure are
# written in below; for another scenario, change them):
#   python3 Benchmarks/plan-vs-year-alone.py REPO_ROOT DEKOM PLAN_ALLOCATION_CSV
# 1. solve 2027 alone (the plan's 2027 measures and amounts, no later years known);
# 2. what the 2027-alone decisions commit in 2028 and 2029 (same share, same partner), against
#    the forecast frames (+ at most 5 % carried in), and compare with the plan's first year.
import csv, os, re, subprocess, sys, shutil
root = sys.argv[1]; dekom = sys.argv[2]; work = '/tmp/dekom-plan-vs-alone'
src = os.path.join(root, 'scenarios/trondelag-plan')
shutil.rmtree(work, ignore_errors=True); os.makedirs(work)
y = open(os.path.join(src, 'scenario.yaml')).read()
y = y[:y.index('# Planen for 2027')]
open(os.path.join(work, 'scenario.yaml'), 'w').write(y)
for f in ['owners.csv', 'partners.csv']: shutil.copy(os.path.join(src, f), work)
rows = list(csv.DictReader(open(os.path.join(src, 'measures.csv'), encoding='utf-8-sig'), delimiter=';'))
cols = [c for c in rows[0].keys() if c not in ('first_year', 'years', 'may_stop')]
with open(os.path.join(work, 'measures.csv'), 'w') as out:
    out.write(';'.join(cols) + '\n')
    for r in rows:
        if r['first_year'] not in ('', '2027'): continue
        out.write(';'.join(r[c] for c in cols) + '\n')
subprocess.run([dekom, 'run', work, '--out', work + '/out', '--quiet', '--no-explain'], check=True)
def num(t): return float(t.replace(' ', '').replace(',', '.')) if t.strip() else 0.0
partners = {r['id']: r for r in csv.DictReader(open(os.path.join(src, 'partners.csv'), encoding='utf-8-sig'), delimiter=';')}
later = {}  # (measure, year) -> (cost, pool, p2)
for r in rows:
    n = int(r['years'] or 1); first = int(r['first_year'] or 2027)
    for k in range(1, n): later[(r['id'], first + k)] = (num(r['cost_nok']), num(r['pool_hours']), num(r['partner2_hours']))
for r in csv.DictReader(open(os.path.join(src, 'measure-years.csv'), encoding='utf-8-sig'), delimiter=';'):
    if r['year']:
        old = later[(r['measure'], int(r['year']))]
        later[(r['measure'], int(r['year']))] = (num(r['cost_nok']) if r['cost_nok'] else old[0], num(r['pool_hours']) if r['pool_hours'] else old[1], num(r['partner2_hours']) if r['partner2_hours'] else old[2])
# felles-dekom-2 by school year: 2028 = 880 000 / 35 / 395, 2029 = 440 000 / 17.5 / 197.5
later[('felles-dekom-2', 2028)] = (880000, 35, 395); later[('felles-dekom-2', 2029)] = (440000, 17.5, 197.5)
frames = {('dekom', 2028): 23.0e6, ('rekom', 2028): 8.3e6, ('kompetanseloftet', 2028): 4.6e6,
          ('dekom', 2029): 22.5e6, ('rekom', 2029): 8.0e6, ('kompetanseloftet', 2029): 4.4e6}
first_frames = {'dekom': 23.5e6, 'rekom': 8.3e6, 'kompetanseloftet': 4.6e6}
def report(alloc, label):
    committed = {}; spent27 = {}
    for a in csv.DictReader(open(alloc)):
        share = float(a['share']); spent27[a['scheme']] = spent27.get(a['scheme'], 0) + float(a['total_nok'])
        if share == 0: continue
        partner = a['partners'].split('|')[0] if a['partners'] else None
        for year in (2028, 2029):
            if (a['id'], year) not in later: continue
            cost, pool, p2 = later[(a['id'], year)]
            money = share * cost
            if partner:
                p = partners[partner]
                money += share * (pool * num(p['pool_price_nok']) + p2 * num(p['partner2_price_nok']))
            committed[(a['scheme'], year)] = committed.get((a['scheme'], year), 0) + money
    print(f'== {label}')
    for scheme in ('dekom', 'rekom', 'kompetanseloftet'):
        carry = min(0.05 * first_frames[scheme], first_frames[scheme] - spent27.get(scheme, 0))
        line = f'  {scheme:17s} 2027 spent {spent27.get(scheme,0):>12,.0f}'
        for year in (2028, 2029):
            c = committed.get((scheme, year), 0)
            avail = frames[(scheme, year)] + (carry if year == 2028 else 0)
            line += f' | {year} committed {c:>12,.0f} of {frames[(scheme, year)]:>12,.0f} (+carry {carry if year == 2028 else 0:,.0f}): {"OVER by %s" % format(c - avail, ",.0f") if c > avail + 1 else "free %s" % format(avail - c, ",.0f")}'
        print(line)
report(work + '/out/allocation.csv', '2027 solved alone (then committed in later years)')
report(sys.argv[3], '2027 as the plan\'s first year')
