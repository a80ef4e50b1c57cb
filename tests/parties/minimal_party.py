#!/usr/bin/env python3
"""A complete minimal GeniusWeb party (SAOP): offers its best bid, accepts what is good enough.

Needs only Python 3 and the websockets module (Debian: python3-websockets).
Run: python3 minimal_party.py 9000   then   parley negotiate <scenario> --agents ws://127.0.0.1:9000/party,boulware
"""
import asyncio
import json
import sys
import urllib.request

import websockets


def load_profile(reference):
    # The reference is ws://host:port/profiles/<token>; the same path answers an HTTP GET.
    with urllib.request.urlopen("http" + reference[2:] if reference.startswith("ws") else reference) as r:
        return json.load(r)["LinearAdditiveUtilitySpace"]


def utility(profile, bid):
    total = 0.0
    for issue, weight in profile["issueWeights"].items():
        u, value = profile["issueUtilities"][issue], bid[issue]
        if "DiscreteValueSetUtilities" in u:
            total += weight * u["DiscreteValueSetUtilities"]["valueUtilities"][value]
        else:  # NumberValueSetUtilities: linear between two points
            n = u["NumberValueSetUtilities"]
            f = (value - n["lowValue"]) / (n["highValue"] - n["lowValue"])
            total += weight * (n["lowUtility"] + f * (n["highUtility"] - n["lowUtility"]))
    return total


def best_bid(profile):
    bid = {}
    for issue, u in profile["issueUtilities"].items():
        if "DiscreteValueSetUtilities" in u:
            values = u["DiscreteValueSetUtilities"]["valueUtilities"]
            bid[issue] = max(values, key=values.get)
        else:
            n = u["NumberValueSetUtilities"]
            bid[issue] = n["lowValue"] if n["lowUtility"] >= n["highUtility"] else n["highValue"]
    return bid


async def party(ws, path=None):
    me, profile, rounds, turn, last = None, None, 1, 0, None
    async for message in ws:
        kind, body = next(iter(json.loads(message).items()))
        if kind == "Settings":
            me, profile = body["id"], load_profile(body["profile"])
            rounds = body["progress"].get("ProgressRounds", {}).get("duration", 1)
        elif kind == "ActionDone":
            action_kind, action = next(iter(body["action"].items()))
            if action_kind == "Offer" and action["actor"] != me:
                last = action["bid"]
        elif kind == "YourTurn":
            turn += 1
            target = 1.0 - 0.4 * min(1.0, turn / rounds)
            if last is not None and utility(profile, last["issuevalues"]) >= target:
                action = {"Accept": {"actor": me, "bid": last}}
            else:
                action = {"Offer": {"actor": me, "bid": {"issuevalues": best_bid(profile)}}}
            await ws.send(json.dumps(action))
        elif kind == "Finished":
            return


async def main(port):
    async with websockets.serve(party, "127.0.0.1", port):
        print(f"listening on {port}", flush=True)
        await asyncio.Future()


if __name__ == "__main__":
    asyncio.run(main(int(sys.argv[1]) if len(sys.argv) > 1 else 9000))
