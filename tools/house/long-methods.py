#!/usr/bin/env python3
# Issue 21 "how to judge it": methods over 60 lines (migrations and demo seeding left out), longest first.
# A rough count by braces, not a parser. Usage: tools/house/long-methods.py [folder]
import re,os,sys
root=sys.argv[1] if len(sys.argv)>1 else "src"
sig=re.compile(r'^\s*(?:public|private|protected|internal)[^;=]*?\b[A-Za-z_][A-Za-z0-9_<>]*\s*\([^;]*$')
n=0; out=[]
for d,_,fs in os.walk(root):
    if '/bin' in d or '/obj' in d or 'Migrations' in d or 'DemoData' in d or 'Seeding' in d: continue
    for f in fs:
        if not f.endswith('.cs'): continue
        p=os.path.join(d,f); L=open(p).read().split('\n')
        i=0
        while i<len(L):
            l=L[i]
            if sig.match(l) and ' class ' not in l and ' record ' not in l and ' struct ' not in l and ' interface ' not in l:
                # find the opening brace
                j=i
                while j<len(L) and '{' not in L[j] and '=>' not in L[j] and not L[j].rstrip().endswith(';'): j+=1
                if j<len(L) and '{' in L[j] and '=>' not in L[j]:
                    depth=0; k=j
                    while k<len(L):
                        depth+=L[k].count('{')-L[k].count('}')
                        if depth<=0: break
                        k+=1
                    length=k-i+1
                    if length>60: out.append((length,p,i+1))
                    i=k
            i+=1
for o in sorted(out,reverse=True): print(*o)
print(len(out),'methods over 60 lines')
