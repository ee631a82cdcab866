"""The phone page: one self-contained HTML document (inline CSS and script, nothing loaded from outside).

Rendered on the server with the state as it is, as a plain form that works with scripts off (each option
is a submit button; the answer is a redirect back here). With scripts on, the script polls the JSON API
and redraws the same parts with textContent only: scenario text is never parsed as HTML, here or there.
Everything taken from a scenario or a request is escaped with html.escape.
"""

from __future__ import annotations

from html import escape

from .view import PhoneView

POLL_MS = 1500

STATE_WORDS = {
    "waiting": "Waiting for the next vote.",
    "open": "Voting is open: choose an option.",
    "closed": "Voting has closed.",
    "revealed": "The votes are revealed.",
    "ended": "The session has ended. Thank you.",
}

# Colours: text on background is at least 4.5:1 in both schemes (tests/test_phones_page.py checks).
CSS = """
:root{color-scheme:light dark;--bg:#ffffff;--fg:#1a1a1a;--muted:#4a4a4a;--btn:#0b4f9c;--btnfg:#ffffff;
--mine:#0a6b2d;--line:#6b6b6b}
@media (prefers-color-scheme:dark){:root{--bg:#121212;--fg:#f2f2f2;--muted:#c8c8c8;--btn:#9cc7ff;
--btnfg:#0a0a0a;--mine:#8fe0a8;--line:#9a9a9a}}
*{box-sizing:border-box}
body{margin:0;padding:1rem;background:var(--bg);color:var(--fg);font:1.125rem/1.45 system-ui,sans-serif;
overflow-wrap:anywhere}
main{max-width:40rem;margin:0 auto}
h1{font-size:1.25rem;margin:0 0 .5rem}
.room{color:var(--muted);margin:0 0 1rem}
#state{font-weight:600;margin:0 0 1rem}
#question{font-size:1.25rem;margin:0 0 1rem}
form{margin:0}
ol{list-style:none;margin:0;padding:0}
li{margin:0 0 .75rem}
button{display:flex;gap:.75rem;align-items:flex-start;width:100%;min-height:3.5rem;padding:.75rem 1rem;
border:2px solid var(--btn);border-radius:.5rem;background:var(--btn);color:var(--btnfg);font:inherit;
text-align:left;cursor:pointer}
button[aria-pressed=true]{outline:4px solid var(--mine);outline-offset:2px}
button[aria-pressed=true] .n::after{content:"\\2713";display:block;margin-top:.25rem}
@media (max-width:240px){body{padding:.5rem}button{gap:.5rem;padding:.6rem .6rem}}
button:disabled{background:transparent;color:var(--fg);border-color:var(--line);cursor:default}
.n{font-size:1.5rem;font-weight:700;line-height:1;min-width:1.5rem}
.row{display:flex;justify-content:space-between;gap:1rem;border-bottom:1px solid var(--line);padding:.5rem 0}
.mine{color:var(--mine);font-weight:700}
a{color:inherit}
.sr{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap}
input{font:inherit;padding:.5rem;width:8rem;text-transform:uppercase}
"""

SCRIPT = r"""
(function(){
var room=document.body.dataset.room, poll=%(poll)d, busy=false, csrf=document.body.dataset.csrf;
var stateEl=document.getElementById('state'), qEl=document.getElementById('question'),
    listEl=document.getElementById('options'), resEl=document.getElementById('result'),
    liveEl=document.getElementById('live'), last='';
function say(t){ if(t!==liveEl.textContent){ liveEl.textContent=t; } }
function draw(s){
  csrf=s.csrf||csrf;
  stateEl.textContent=s.words; qEl.textContent=s.question||'';
  var key=JSON.stringify([s.phase,s.decision,s.options,s.your_vote,s.result,s.chosen]);
  if(key===last){return;} last=key;
  while(listEl.firstChild){listEl.removeChild(listEl.firstChild);}
  (s.options||[]).forEach(function(o){
    var li=document.createElement('li'), b=document.createElement('button'), n=document.createElement('span');
    b.type='submit'; b.name='option'; b.value=String(o.number);
    n.className='n'; n.textContent=String(o.number); b.appendChild(n);
    if(!s.numbers_only){var t=document.createElement('span'); t.textContent=o.text; b.appendChild(t);}
    else{b.setAttribute('aria-label','Option '+o.number);}
    b.disabled=s.phase!=='open'; b.setAttribute('aria-pressed', s.your_vote===o.number?'true':'false');
    li.appendChild(b); listEl.appendChild(li);
  });
  var form=document.getElementById('vote'); form.elements.decision.value=s.decision||'';
  form.elements.csrf.value=csrf;
  while(resEl.firstChild){resEl.removeChild(resEl.firstChild);}
  (s.result||[]).forEach(function(r){
    var d=document.createElement('div'); d.className='row';
    var a=document.createElement('span'); a.textContent='Option '+r.number+(s.chosen===r.number?' (chosen)':'');
    var c=document.createElement('span'); c.textContent=r.count+' ('+r.percent+'%%)';
    d.appendChild(a); d.appendChild(c); resEl.appendChild(d);
  });
  say(s.words);
}
function get(){
  if(busy){return;} busy=true;
  fetch('/api/state?room='+encodeURIComponent(room),{credentials:'same-origin',cache:'no-store'})
    .then(function(r){return r.json();}).then(function(s){ if(s.error){stateEl.textContent=s.error;} else {draw(s);} })
    .catch(function(){ stateEl.textContent='Reconnecting…'; })
    .then(function(){ busy=false; });
}
document.getElementById('vote').addEventListener('submit',function(e){
  var b=e.submitter; if(!b){return;} e.preventDefault();
  fetch('/api/vote',{method:'POST',credentials:'same-origin',headers:{'Content-Type':'application/json'},
    body:JSON.stringify({room:room,decision:this.elements.decision.value,option:Number(b.value),csrf:csrf})})
    .then(function(r){return r.json();}).then(function(s){ if(s.error){say(s.error);} last=''; get(); })
    .catch(function(){ say('Your vote did not arrive: try again.'); });
});
document.addEventListener('visibilitychange',function(){ if(!document.hidden){get();} });
setInterval(get,poll); get();
})();
"""


def state_words(view: PhoneView, your_vote: int | None) -> str:
    if view.phase == "open" and your_vote is not None:
        return f"Your vote: {your_vote} — you can change it until voting closes."
    if view.phase in ("closed", "revealed") and your_vote is not None:
        return f"{STATE_WORDS[view.phase]} Your vote: {your_vote}."
    return STATE_WORDS[view.phase]


def state_json(view: PhoneView, your_vote: int | None, csrf: str, label: int) -> dict:
    """Everything a phone is told, from the view alone: `result` is there only once revealed."""
    out = {"phase": view.phase, "decision": view.decision, "question": view.question,
           "options": [{"number": n, "text": "" if view.numbers_only else t} for n, t in view.options],
           "numbers_only": view.numbers_only, "open": view.voting_open, "your_vote": your_vote,
           "words": state_words(view, your_vote), "csrf": csrf, "phone": label}
    if view.phase == "revealed" and view.result is not None:
        out["result"] = [{"number": r.number, "count": r.count, "percent": r.percent} for r in view.result]
        out["chosen"] = view.chosen
    return out


def _document(title: str, body: str, attrs: str = "", nonce: str = "", script: str = "") -> str:
    tail = f'<script nonce="{escape(nonce)}">{script}</script>' if script else ""
    return (f'<!doctype html><html lang="en"><head><meta charset="utf-8">'
            f'<meta name="viewport" content="width=device-width,initial-scale=1">'
            f'<title>{escape(title)}</title><style>{CSS}</style></head>'
            f'<body{attrs}><main>{body}</main>{tail}</body></html>')


def vote_page(view: PhoneView, room: str, your_vote: int | None, csrf: str, label: int, nonce: str,
              notice: str = "") -> str:
    """The page for a device in the room, as the state is now."""
    words = state_words(view, your_vote)
    items = []
    for n, text in view.options:
        pressed = "true" if your_vote == n else "false"
        disabled = "" if view.voting_open else " disabled"
        label_attr = f' aria-label="Option {n}"' if view.numbers_only else ""
        shown = "" if view.numbers_only else f"<span>{escape(text)}</span>"
        items.append(f'<li><button type="submit" name="option" value="{n}" aria-pressed="{pressed}"'
                     f'{disabled}{label_attr}><span class="n">{n}</span>{shown}</button></li>')
    rows = ""
    if view.phase == "revealed" and view.result is not None:
        rows = "".join(f'<div class="row"><span>Option {r.number}{" (chosen)" if view.chosen == r.number else ""}'
                       f'</span><span>{r.count} ({r.percent}%)</span></div>' for r in view.result)
    question = escape(view.question or "")
    body = (f'<h1>Crossing Paths: vote</h1><p class="room">Room {escape(room)} · phone {label}</p>'
            f'<p id="state">{escape(words)}</p>'
            f'<div id="live" class="sr" aria-live="polite" role="status">{escape(notice or words)}</div>'
            f'<p id="question">{question}</p>'
            f'<form id="vote" method="post" action="/vote">'
            f'<input type="hidden" name="room" value="{escape(room)}">'
            f'<input type="hidden" name="decision" value="{escape(view.decision or "")}">'
            f'<input type="hidden" name="csrf" value="{escape(csrf)}">'
            f'<ol id="options">{"".join(items)}</ol></form>'
            f'<div id="result">{rows}</div>'
            f'<noscript><p><a href="/?room={escape(room)}">Refresh</a> to see what has changed.</p></noscript>')
    attrs = f' data-room="{escape(room)}" data-csrf="{escape(csrf)}"'
    return _document("Vote", body, attrs, nonce, SCRIPT % {"poll": POLL_MS})


def room_page(message: str = "") -> str:
    """Asks for the room code (the address was typed without it, or with a wrong one)."""
    note = f'<p id="state" role="alert">{escape(message)}</p>' if message else ""
    body = (f'<h1>Crossing Paths: vote</h1>{note}<form method="get" action="/">'
            '<p><label for="room">Room code (on the projector)</label></p>'
            '<p><input id="room" name="room" autocomplete="off" autocapitalize="characters" maxlength="8" required>'
            ' <button type="submit" style="display:inline-flex;width:auto">Join</button></p></form>')
    return _document("Join the vote", body)


def message_page(title: str, message: str, back: str | None = None) -> str:
    link = f'<p><a href="{escape(back)}">Back to the vote</a></p>' if back else ""
    return _document(title, f'<h1>{escape(title)}</h1><p id="state" role="alert">{escape(message)}</p>{link}')
