import json, random, datetime
random.seed(7)
t0 = datetime.datetime(2024,1,10,15,0,0,tzinfo=datetime.timezone.utc)
def ts(ms): return (t0+datetime.timedelta(milliseconds=ms)).strftime("%Y-%m-%dT%H:%M:%S.%f")+"Z"
def fmt(x,d=2): return f"{x:.{d}f}"
book={'bid':{}, 'ask':{}}
for i in range(15):
    book['bid'][round(46000.00-0.01-i*0.5,2)] = round(random.uniform(0.05,2.0),8)
    book['ask'][round(46000.00+0.01+i*0.5,2)] = round(random.uniform(0.05,2.0),8)
def snapshot():
    return {"type":"snapshot","product_id":"BTC-USD",
            "bids":[[fmt(p),fmt(s,8)] for p,s in sorted(book['bid'].items(),reverse=True)],
            "asks":[[fmt(p),fmt(s,8)] for p,s in sorted(book['ask'].items())]}
frames1=[]; frames2=[]
seq=[780000000]; tid=[5000000]; ms=[0]
def nexts(): seq[0]+=random.randint(1,40); return seq[0]
def match(frames, kind="match", trade_id=None):
    # maker side: sell => buyer aggressor lifts best ask
    side = random.choice(["buy","sell"])
    if side=="sell":
        p=min(book['ask']); avail=book['ask'][p]
    else:
        p=max(book['bid']); avail=book['bid'][p]
    size=round(min(avail*0.5, random.uniform(0.001,0.3)),8)
    if trade_id is None:
        tid[0]+=1; trade_id=tid[0]
    frames.append({"type":kind,"trade_id":trade_id,"maker_order_id":f"m-{trade_id}","taker_order_id":f"t-{trade_id}",
        "side":side,"size":fmt(size,8),"price":fmt(p),"product_id":"BTC-USD","sequence":nexts(),"time":ts(ms[0])})
    # the resting level shrinks
    key='ask' if side=="sell" else 'bid'
    book[key][p]=round(book[key][p]-size,8)
    frames.append({"type":"l2update","product_id":"BTC-USD","changes":[[ "sell" if key=='ask' else "buy", fmt(p), fmt(book[key][p],8)]],"time":ts(ms[0]+1)})
def update(frames):
    changes=[]
    for _ in range(random.randint(1,3)):
        key=random.choice(['bid','ask'])
        levels=sorted(book[key]) if key=='ask' else sorted(book[key],reverse=True)
        r=random.random()
        if r<0.2 and len(levels)>5:
            p=levels[random.randint(0,4)]; book[key].pop(p); changes.append(["sell" if key=='ask' else "buy",fmt(p),"0"])
        elif r<0.4:
            # improve the top by a cent if it does not cross
            best=levels[0]
            p=round(best-0.01,2) if key=='ask' else round(best+0.01,2)
            other=max(book['bid']) if key=='ask' else min(book['ask'])
            if (key=='ask' and p>other) or (key=='bid' and p<other):
                book[key][p]=round(random.uniform(0.01,0.5),8); changes.append(["sell" if key=='ask' else "buy",fmt(p),fmt(book[key][p],8)])
        else:
            p=levels[random.randint(0,min(9,len(levels)-1))]; book[key][p]=round(random.uniform(0.05,2.0),8)
            changes.append(["sell" if key=='ask' else "buy",fmt(p),fmt(book[key][p],8)])
    if changes:
        frames.append({"type":"l2update","product_id":"BTC-USD","changes":changes,"time":ts(ms[0])})
def heartbeat(frames):
    frames.append({"type":"heartbeat","sequence":nexts(),"last_trade_id":tid[0],"product_id":"BTC-USD","time":ts(ms[0])})
frames1.append(snapshot())
for i in range(60):
    ms[0]+=random.randint(20,120)
    r=random.random()
    if r<0.35: match(frames1)
    else: update(frames1)
    if i%20==19: heartbeat(frames1)
last1=tid[0]
# the connection drops here; one trade happens while we are away (missed), and the book moves on
ms[0]+=2500
tid[0]+=1; missed=tid[0]+1; tid[0]+=1  # two trades while away: the first is missed, the second comes as last_match
update([]); update([])
# session 2: subscriptions come from the server; then a fresh snapshot, last_match (the newest trade), then live
frames2.append(snapshot())
lm_price=max(book['bid'])
frames2.append({"type":"last_match","trade_id":missed,"maker_order_id":f"m-{missed}","taker_order_id":f"t-{missed}","side":"buy","size":"0.01000000","price":fmt(lm_price),"product_id":"BTC-USD","sequence":nexts(),"time":ts(ms[0]-100)})
for i in range(40):
    ms[0]+=random.randint(20,120)
    r=random.random()
    if r<0.35: match(frames2)
    else: update(frames2)
    if i%20==19: heartbeat(frames2)
with open("coinbase-btc-usd-session1.jsonl","w") as f:
    for fr in frames1: f.write(json.dumps(fr,separators=(",",":"))+"\n")
with open("coinbase-btc-usd-session2.jsonl","w") as f:
    for fr in frames2: f.write(json.dumps(fr,separators=(",",":"))+"\n")
t1=[f for f in frames1 if f['type']=='match']; t2=[f for f in frames2 if f['type'] in('match','last_match')]
print("session1 frames",len(frames1),"trades",len(t1),"first",t1[0]['trade_id'],"last",last1)
print("session2 frames",len(frames2),"trades",len(t2),"ids",[f['trade_id'] for f in t2][:3],"last",tid[0])
bb=max(book['bid']); ba=min(book['ask'])
print("final top", bb, book['bid'][bb], ba, book['ask'][ba], "levels", len(book['bid']), len(book['ask']))
print("first match", t1[0]['side'], t1[0]['price'], t1[0]['size'])
