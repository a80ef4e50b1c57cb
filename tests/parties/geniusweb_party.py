#!/usr/bin/env python3
"""A small GeniusWeb-style party in Python (Debian's python3-websockets), for Parley's tests.

It listens for a runner's WebSocket (GeniusWeb runners connect to the party), reads Settings,
fetches its profile (LinearAdditiveUtilitySpace JSON) from the profile reference, and plays SAOP
with a time-dependent (Boulware) strategy; MOPAC too (offers, then votes for offers worth at least
its current target). With --fault it misbehaves in one way, to exercise the runner's fault handling.

Usage: geniusweb_party.py [--port N] [--fault NAME]
Prints "listening on <port>" once it accepts connections.
"""
import argparse
import asyncio
import itertools
import json
import sys
import urllib.request

import websockets

FAULTS = ["none", "malformed", "disconnect", "out-of-turn", "other-actor", "outside-domain",
          "silent", "flood", "oversized", "never-acts-valid"]


def read_profile(reference):
    """Fetches the profile: the reference is ws://…; the same path answers an HTTP GET."""
    url = "http" + reference[2:] if reference.startswith("ws") else reference
    with urllib.request.urlopen(url, timeout=30) as response:
        return json.load(response)["LinearAdditiveUtilitySpace"]


class Utility:
    def __init__(self, space):
        self.weights = space["issueWeights"]
        self.utilities = space["issueUtilities"]
        self.domain = space["domain"]["issuesValues"]
        self.reservation = 0.0
        if space.get("reservationBid"):
            self.reservation = self(space["reservationBid"]["issuevalues"])

    def values(self, issue):
        vs = self.domain[issue]
        if "values" in vs:
            return vs["values"]
        r = vs["range"]
        low, high, step = float(r["low"]), float(r["high"]), float(r["step"])
        n = int(round((high - low) / step)) + 1
        return [int(low + i * step) if float(low + i * step).is_integer() else low + i * step for i in range(n)]

    def __call__(self, bid):
        total = 0.0
        for issue, weight in self.weights.items():
            u = self.utilities[issue]
            value = bid[issue]
            if "DiscreteValueSetUtilities" in u:
                total += float(weight) * float(u["DiscreteValueSetUtilities"]["valueUtilities"][value])
            else:
                n = u["NumberValueSetUtilities"]
                lo, hi = float(n["lowValue"]), float(n["highValue"])
                f = 0.0 if hi == lo else (float(value) - lo) / (hi - lo)
                total += float(weight) * (float(n["lowUtility"]) + f * (float(n["highUtility"]) - float(n["lowUtility"])))
        return total


def all_bids(utility, limit=200000):
    issues = list(utility.domain)
    values = [utility.values(i) for i in issues]
    bids = []
    for combo in itertools.islice(itertools.product(*values), limit):
        bid = dict(zip(issues, combo))
        bids.append((utility(bid), bid))
    bids.sort(key=lambda ub: -ub[0])
    return bids


async def play(ws, fault):
    me = None
    utility = None
    bids = None
    progress = None
    turns = 0
    votings = 0
    last_offer = None
    offers = []
    async for message in ws:
        inform = json.loads(message)
        kind, body = next(iter(inform.items()))
        if kind == "Settings":
            me = body["id"]
            progress = body["progress"]
            utility = Utility(read_profile(body["profile"]))
            bids = all_bids(utility)
            if fault == "out-of-turn" and body["protocol"] == "SAOP":
                # Acts before it is asked: a runner must refuse this.
                await ws.send(json.dumps({"Offer": {"actor": me, "bid": {"issuevalues": bids[0][1]}}}))
            continue
        if kind == "ActionDone":
            action_kind, action = next(iter(body["action"].items()))
            if action_kind == "Offer":
                last_offer = action["bid"]["issuevalues"]
                offers.append(action)
            continue
        if kind == "Finished":
            return
        if kind in ("Voting", "OptIn"):
            # In MOPAC a YourTurn opens each round; in a mediated seat only Voting comes.
            votings += kind == "Voting"
            target = target_utility(utility, progress, turns - 1 if turns > 0 else votings - 1)
            if kind == "Voting":
                votes = [{"Vote": {"actor": me, "bid": o["Offer"]["bid"], "minPower": 2, "maxPower": 2147483647}}
                         for o in body["offers"] if utility(o["Offer"]["bid"]["issuevalues"]) >= target]
                mine = votes
            await ws.send(json.dumps({"Votes": {"actor": me, "votes": mine}}))
            continue
        if kind != "YourTurn":
            continue
        turns += 1
        if fault == "malformed":
            await ws.send("{\"Offer\": {\"actor\": ")
            continue
        if fault == "disconnect":
            await ws.close()
            return
        if fault == "silent":
            continue
        if fault == "other-actor":
            await ws.send(json.dumps({"EndNegotiation": {"actor": "someoneelse"}}))
            continue
        if fault == "outside-domain":
            bid = dict(bids[0][1])
            bid[next(iter(bid))] = "no-such-value"
            await ws.send(json.dumps({"Offer": {"actor": me, "bid": {"issuevalues": bid}}}))
            continue
        if fault == "oversized":
            await ws.send(json.dumps({"Offer": {"actor": me, "bid": {"issuevalues": bids[0][1]}}, "padding": "x" * (2 << 20)}))
            continue
        target = target_utility(utility, progress, turns - 1)
        if last_offer is not None and utility(last_offer) >= target and "MOPAC" != inform.get("protocol"):
            action = {"Accept": {"actor": me, "bid": {"issuevalues": last_offer}}}
        else:
            action = {"Offer": {"actor": me, "bid": {"issuevalues": closest(bids, target)}}}
        await ws.send(json.dumps(action))
        if fault == "flood":
            for _ in range(50):
                await ws.send(json.dumps(action))
        if fault == "out-of-turn":
            # Answers every prompt twice as well. The action on Settings alone can pass for an answer: a
            # first mover's YourTurn may already be on its way, and a fast opponent's move brings the
            # next one before the early action arrives. A second answer to one prompt is out of turn
            # unless the opponent moved in the microseconds between the two, and never on every turn.
            await ws.send(json.dumps(action))


def target_utility(utility, progress, round_):
    if "ProgressRounds" in progress:
        t = min(1.0, max(0.0, round_ / progress["ProgressRounds"]["duration"]))
    else:
        t = 0.5
    e = 0.2
    return utility.reservation + (1 - utility.reservation) * (1 - t ** (1 / e))


def closest(bids, target):
    best = bids[0][1]
    for u, bid in bids:
        if u < target:
            break
        best = bid
    return best


async def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--port", type=int, default=0)
    parser.add_argument("--fault", choices=FAULTS, default="none")
    args = parser.parse_args()

    async def handler(ws, path=None):
        try:
            await play(ws, args.fault)
        except websockets.ConnectionClosed:
            pass

    async with websockets.serve(handler, "127.0.0.1", args.port, max_size=None) as server:
        port = next(iter(server.sockets)).getsockname()[1]
        print(f"listening on {port}", flush=True)
        await asyncio.Future()


if __name__ == "__main__":
    try:
        asyncio.run(main())
    except KeyboardInterrupt:
        sys.exit(0)
