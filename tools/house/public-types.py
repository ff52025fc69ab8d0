#!/usr/bin/env python3
# Issue 21 "how to judge it": files under a folder (default src, migrations left out) holding more than one public
# top-level type, or one whose name is not the file's. Usage: tools/house/public-types.py [folder]
import re,os,sys
root=sys.argv[1] if len(sys.argv)>1 else 'src'
pat=re.compile(r'^(public|internal)\s+(?:(?:static|sealed|abstract|partial|readonly|record|file)\s+)*(class|record|interface|enum|struct|delegate)\s+(?:struct\s+|class\s+)?([A-Za-z_][A-Za-z0-9_]*)',re.M)
res=[]
for d,_,fs in os.walk(root):
    if '/bin' in d or '/obj' in d or 'Migrations.' in d: continue
    for f in fs:
        if not f.endswith('.cs'): continue
        p=os.path.join(d,f); s=open(p,encoding='utf-8').read()
        pubs=[m.group(3) for m in pat.finditer(s) if m.group(1)=='public']
        if len(pubs)>1: res.append((p,pubs))
        elif len(pubs)==1 and pubs[0]!=f[:-3] and not f.endswith('.cshtml.cs'): res.append((p,pubs))
print(len([r for r in res if len(r[1])>1]),'files with several public top-level types')
print(len([r for r in res if len(r[1])==1]),'files whose one public type has another name')
for p,t in sorted(res): print(p, t)
