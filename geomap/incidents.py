"""Incidents: what happened at each place mention, to whom and when.

Runs after the resolver as the spaCy component `geomap_incidents` and writes, for every span in
`doc.spans["places"]`:

- `span._.role`: `site` (something happened or is located there), `actor` (metonymy: the name
  stands for a government, army or team: "Moscow launched", "Kyiv said", "Moscow's terms") or
  `other` (mentioned in passing: origin, destination, comparison, a hypothetical clause), with the
  rule that decided it in `span._.role_reason`;
- `span._.events`: the incident categories of `TAXONOMY` reported in the sentence, each with its
  trigger words and the sentence span, for `site` mentions only;
- `span._.casualties`: the figures stated (killed, injured, missing, arrested) with their
  qualifier ("at least 10" -> count 10, qualifier ">=");
- `span._.event_date` / `span._.date_reason`: the article's date (`doc._.article_date`), or the
  date the sentence shifts it to ("yesterday", "on Monday", "on New Year's Day"), and why.

An event sentence that names no site of its own ("At least 10 people were injured in the attack")
is tied to the sites of the sentence before it in the same paragraph. Where a sentence names
several sites, each trigger or figure goes to the nearest one (places joined by "and" count as
one), and a place named with one inside it ("the Podilsky district of Kyiv") gives way to the
more specific one.

Everything is rules over the dependency parse and a lexicon; the lexicon is the data below.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Any

from spacy.lang.en.stop_words import STOP_WORDS
from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span, Token

from .gazetteer import Place, distance_km
from .recognize import SPAN_KEY

ROLES = ("site", "actor", "other")


# --- taxonomy --------------------------------------------------------------------------------

@dataclass(frozen=True)
class Category:
    """One incident category; `acled` names the ACLED event type / sub-event type it follows."""

    key: str
    label: str
    acled: str
    triggers: tuple[str, ...]
    # Ambiguous one-word triggers: not in idioms ("opened fire", "water cannon", "in power"), not as verbs,
    # and, where `needs_any` is given, only in a sentence holding one of its words ("power … disrupted").
    guarded: tuple[str, ...] = ()
    needs_any: tuple[str, ...] = ()


_DISRUPTION = ("disrupted", "disruption", "disruptions", "cut", "cuts", "outage", "outages", "lost", "loses",
               "without", "knocked", "damaged", "destroyed", "restored", "shortage", "shortages", "offline",
               "severed", "down", "blackouts", "hit", "struck", "interrupted", "knocking", "cutting", "collapsed",
               "collapse", "washed", "swept", "shut", "damage")

# Ordered from the most to the least specific: a marker's colour comes from the first that applies.
TAXONOMY: tuple[Category, ...] = (
    Category("air_strike", "Air/drone strike", "Explosions/Remote violence: Air/drone strike", (
        "airstrike", "airstrikes", "air strike", "air strikes", "air raid", "air raids", "drone strike",
        "drone strikes", "drone attack", "drone attacks", "drone", "drones", "warplane", "warplanes",
        "fighter jets", "helicopter gunship", "helicopter gunships", "aerial bombardment", "kamikaze drones",
        "jets", "bombed", "air attack", "air attacks")),
    Category("missile_attack", "Missile attack", "Explosions/Remote violence: Shelling/artillery/missile attack", (
        "missile", "missiles", "missile strike", "missile strikes", "missile attack", "missile attacks",
        "rocket", "rockets", "rocket attack", "rocket attacks", "rocket fire", "ballistic missile",
        "cruise missile", "cruise missiles")),
    Category("shelling", "Shelling/artillery", "Explosions/Remote violence: Shelling/artillery/missile attack", (
        "shelling", "shelled", "shells", "artillery", "mortar", "mortars", "mortar fire", "bombardment",
        "bombarded", "howitzer", "howitzers", "artillery fire", "shellfire")),
    Category("explosion", "Explosion/IED", "Explosions/Remote violence: Remote explosive/landmine/IED", (
        "explosion", "explosions", "blast", "blasts", "exploded", "explode", "detonated", "bomb", "bombs",
        "bombing", "bombings", "car bomb", "roadside bomb", "ied", "ieds", "landmine", "landmines",
        "suicide bomber", "suicide bombing", "explosive device", "explosives")),
    Category("fire", "Fire", "(beyond ACLED) fire, arson", (
        "fire", "fires", "blaze", "blazes", "ablaze", "burned", "burnt", "burning", "flames", "caught fire",
        "engulfed", "gutted", "arson", "wildfire", "wildfires", "set alight", "on fire"),
        guarded=("fire",)),
    Category("armed_clash", "Armed clash", "Battles: Armed clash", (
        "clash", "clashes", "clashed", "fighting", "fought", "firefight", "gunfight", "gun battle", "gun battles",
        "battle", "battles", "battled", "offensive", "besieged", "siege", "ambush", "ambushed", "skirmish",
        "skirmishes", "exchanged fire", "exchange of fire", "counteroffensive", "assaulted")),
    Category("attack_on_civilians", "Attack on civilians", "Violence against civilians: Attack / Abduction", (
        "massacre", "massacred", "gunmen", "opened fire", "shot dead", "stabbed", "stabbing", "abducted",
        "abduction", "kidnapped", "kidnapping", "hostage", "hostages", "lynched", "executed", "gunman",
        "militants attacked", "attacked villagers", "shooting")),
    Category("riot", "Riot", "Riots: Violent demonstration / Mob violence", (
        "riot", "riots", "rioting", "rioters", "looting", "looted", "looters", "mob", "tear gas",
        "water cannon", "water cannons", "torched", "stormed", "set fire to", "hurled stones", "threw stones",
        "rubber bullets")),
    Category("protest", "Protest", "Protests: Peaceful protest", (
        "protest", "protests", "protested", "protesting", "protesters", "protestors", "demonstration",
        "demonstrations", "demonstrators", "rally", "rallies", "rallied", "marched", "protest march",
        "sit-in", "walkout", "took to the streets", "general strike", "went on strike", "strikers", "picket",
        "vigil", "marchers")),
    Category("arrest", "Arrest", "Strategic developments: Arrests", (
        "arrested", "arrest", "arrests", "detained", "detain", "detention", "custody", "rounded up",
        "apprehended", "jailed", "detaining", "arresting")),
    Category("disease_outbreak", "Disease outbreak", "(beyond ACLED) health: outbreak", (
        "outbreak", "outbreaks", "epidemic", "cholera", "measles", "dengue", "ebola", "mpox", "malaria",
        "diphtheria", "typhoid", "polio", "anthrax", "infections", "infected", "quarantine", "pandemic",
        "virus", "bird flu", "avian flu", "yellow fever", "meningitis", "new cases", "confirmed cases")),
    Category("infrastructure_damage", "Infrastructure damage (power, water, communications)",
             "(beyond ACLED) infrastructure: power, water, communications, transport", (
                 "power outage", "power outages", "power cut", "power cuts", "blackout", "blackouts",
                 "power supply", "power grid", "power lines", "power station", "power plant", "substation",
                 "without power", "without electricity", "without water", "water supply", "water supplies",
                 "water pipes", "water main", "internet", "mobile network", "phone lines", "communications",
                 "power", "electricity", "water", "heating", "bridge", "railway", "rail line", "gas pipeline",
                 "energy infrastructure"),
             needs_any=_DISRUPTION, guarded=("power", "electricity", "water", "heating", "bridge", "railway",
                                             "internet", "communications")),
    Category("natural_disaster", "Natural disaster", "(beyond ACLED) natural hazard", (
        "flood", "floods", "flooded", "flooding", "floodwaters", "flash floods", "earthquake", "earthquakes",
        "quake", "tremor", "tremors", "aftershock", "aftershocks", "landslide", "landslides", "mudslide",
        "mudslides", "cyclone", "hurricane", "typhoon", "storm", "storms", "tornado", "drought", "tsunami",
        "heavy rain", "heavy rains", "torrential rain", "monsoon", "avalanche", "eruption", "heatwave",
        "wildfire", "wildfires")),
    Category("attack", "Attack (type not stated)", "(catch-all) an attack whose means the text does not give", (
        "attack", "attacks", "attacked", "assault", "raid", "raids", "strike", "strikes", "struck")),
)
CATEGORIES: dict[str, Category] = {c.key: c for c in TAXONOMY}
# A guarded word is no trigger right after these ("opened fire", "cease fire", "under fire", "in power")
# or right before those ("water cannon", "power station" standing alone is no damage).
_NOT_AFTER = frozenset({"opened", "open", "opening", "exchanged", "under", "cease", "return", "returned",
                        "heavy", "drinking", "clean", "came", "come", "coming", "hold", "holds", "held", "in",
                        "seize", "seized", "took", "take", "gain", "lost", "grab", "balance"})
_NOT_BEFORE = frozenset({"cannon", "cannons", "minister", "ministry", "ministers", "station", "stations",
                         "struggle", "broker", "brokers", "plant", "sharing", "supply", "supplies", "grid"})


# --- lexicon for roles -------------------------------------------------------------------------

def _forms(*words: str) -> frozenset[str]:
    """Inflected forms of regular verbs and nouns ("warn" -> warns, warned, warning); irregulars listed."""
    out: set[str] = set()
    for w in " ".join(words).split():
        out |= {w, w + "s", w + "es", w + "ed", w + "d", w + "ing"}
        if w.endswith("e"):
            out |= {w[:-1] + "ing"}
        if w.endswith("y"):
            out |= {w[:-1] + "ies", w[:-1] + "ied"}
        if len(w) > 2 and w[-1] not in "aeiouwy" and w[-2] in "aeiou":
            out |= {w + w[-1] + "ed", w + w[-1] + "ing"}
    return frozenset(out)


# A place as the subject of these verbs is where something happens ("Kharkiv saw heavy shelling").
SITE_SUBJECT_VERBS = _forms("see saw seen suffer experience lose lost face host record receive remain shake shook",
                            "shaken burn burnt flood sink sank sunk tremble come came endure swelter",
                            "brace wake woke lie lay sit border")
# A place as the passive subject of these stands for its government ("Moscow was accused").
ACTOR_PASSIVE_VERBS = _forms("accuse blame urge criticise criticize ask invite sanction warn tell told",
                             "call press condemn")
# Objects of these verbs are where something happened ("shelled Kharkiv", "the quake struck Malatya").
SITE_OBJECT_VERBS = _forms("hit strike struck stricken attack shell bomb pound target rock flood shake shook",
                           "batter devastate capture seize liberate besiege encircle storm raid evacuate enter",
                           "sweep swept lash ravage overrun retake recapture occupy invade destroy damage reach",
                           "paralyse paralyze grip engulf blanket isolate cut surround")
# Objects of these verbs are governments or teams ("accused Moscow", "Brazil beat Argentina").
ACTOR_OBJECT_VERBS = _forms("accuse blame urge criticise criticize sanction warn tell told ask call press",
                            "condemn defeat beat beaten back support join recognise recognize thank lobby",
                            "persuade pressure pressur punish")
# Nouns that make a possessor or modifier an actor ("Moscow's terms", "the Kyiv government").
ACTOR_NOUNS = _forms("government regime army military force troop navy ministry minister president leader",
                     "claim term demand decision offensive invasion position response strategy policy",
                     "ambassador diplomat spokesman spokeswoman spokesperson intelligence administration",
                     "authorities official delegation negotiator envoy embassy warning threat aggression",
                     "sanction parliament cabinet coalition team squad side coach player proposal plan refusal",
                     "support backing ally allies assault attack missile drone bid veto stance statement",
                     "foreign", "war")
# Nouns that make a possessor or modifier a site ("Kyiv's residents", "the Kyiv mayor").
SITE_NOUNS = _forms("resident people street centre center outskirt suburb hospital infrastructure mayor",
                    "governor police port airport station neighbourhood neighborhood district village",
                    "population inhabitant shop market school home house building skyline sky citizen",
                    "city town capital region province area coast river border bridge railway power water",
                    "energy grid firefighter rescuer")
# Nouns whose "between X and Y" or "with X" are the parties, not places ("conflict between Russia and Ukraine").
PARTY_NOUNS = _forms("conflict war talk relation tension violence division dispute deal agreement accord",
                     "negotiation truce ceasefire ties cooperation meeting rivalry match game summit",
                     "trade exchange dialogue partnership alliance friction row feud clash")
# "The road between A and B": both ends are where it is.
STRETCH_NOUNS = _forms("road highway motorway route border frontier front line stretch area zone corridor",
                       "railway rail bridge section villages territory")
# A locative phrase attached to one of these says where a speaker sits, not where something happened.
SPEAKER_NOUNS = _forms("official authorities ministry embassy spokesman spokeswoman spokesperson source",
                       "analyst diplomat correspondent reporter journalist observer headquarters office",
                       "company firm bank", "government")
PLACE_WORDS = _forms("city town village capital region district province oblast county state area country",
                     "governorate prefecture municipality island part suburb outskirt neighbourhood",
                     "neighborhood port peninsula island coast valley gulf bay lake river strait")
LOCATIVE_PREPS = frozenset({"in", "at", "near", "across", "around", "outside", "inside", "throughout", "over",
                            "within", "along", "through", "beyond", "towards", "toward", "into", "off", "onto",
                            "upon", "nearby", "underneath", "amid", "north", "south", "east", "west", "above",
                            "below", "behind", "beneath", "among", "on"})
# "on X" after these is a government ("sanctions on Moscow", "declared war on Ukraine").
PRESSURE_NOUNS = _forms("sanction pressure demand call claim embargo tariff war ban restriction stance position",
                        "deal agreement talk")
# "to X" after these is a destination, not where something happened ("flew supplies to Juba").
MOVEMENT_WORDS = _forms("fly flew flown send sent travel move return deport go went gone head deliver export ship",
                        "transfer drive drove fled flee relocate airlift aid visit",
                        "trip flight journey route")
# "from X" after these stands for a government ("criticism from Vilnius").
ACTOR_FROM_WORDS = _forms("criticism pressure demand call warning statement response support aid help request",
                          "objection protest complaint message delegation envoy offer order")
COMPARISON_PREPS = frozenset({"like", "than", "as", "unlike", "including"})
# A figure is a casualty figure when it counts one of these.
PERSON_NOUNS = _forms("people person civilian child children man men woman women soldier troop fighter",
                      "resident villager worker student protester protestor demonstrator passenger policeman",
                      "policemen police officer individual member militant rebel refugee migrant patient",
                      "pilgrim miner fisherman fishermen farmer journalist family infant baby babies teenager",
                      "minor adult victim servicemen serviceman personnel staff guard boy girl",
                      "dead injured wounded missing")
CASUALTY_WORDS: dict[str, str] = {
    **dict.fromkeys(["killed", "kill", "kills", "killing", "dead", "died", "die", "dies", "death", "deaths",
                     "lives", "life", "fatalities", "fatality", "bodies", "perished", "toll", "slain", "drowned",
                     "murdered", "executed", "massacred"], "killed"),
    **dict.fromkeys(["injured", "injuring", "injure", "injuries", "wounded", "wounding", "wound", "hurt",
                     "hospitalised", "hospitalized", "injures", "wounds"], "injured"),
    **dict.fromkeys(["missing", "unaccounted", "disappeared"], "missing"),
    **dict.fromkeys(["arrested", "detained", "arrests", "detentions", "arresting", "detaining", "held"],
                    "arrested"),
}
QUALIFIERS: tuple[tuple[str, str], ...] = (
    ("at least", ">="), ("no fewer than", ">="), ("more than", ">"), ("over", ">"), ("upwards of", ">"),
    ("up to", "<="), ("as many as", "<="), ("at most", "<="), ("fewer than", "<"), ("less than", "<"),
    ("nearly", "~"), ("almost", "~"), ("about", "~"), ("around", "~"), ("some", "~"), ("roughly", "~"),
    ("approximately", "~"), ("an estimated", "~"), ("estimated", "~"),
)
NUMBER_WORDS: dict[str, int] = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10,
    "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17,
    "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60,
    "seventy": 70, "eighty": 80, "ninety": 90, "dozen": 12, "dozens": 24, "hundreds": 200, "thousands": 2000,
}
SCALES = {"hundred": 100, "thousand": 1000, "million": 1_000_000}
# A clause under one of these, or with a modal, reports what may happen, not what did.
_HYPOTHETICAL = _forms("vow threaten warn promise pledge plan intend intensify threat warning would will could",
                       "might may shall deny denied risk fear prevent avoid")
_MODALS = frozenset({"would", "will", "could", "might", "may", "shall", "'ll", "’ll", "should", "can"})


def _ensure_extensions() -> None:
    for name, default in (("role", None), ("role_reason", ""), ("events", None), ("casualties", None),
                          ("event_date", None), ("date_reason", "")):
        if not Span.has_extension(name):
            Span.set_extension(name, default=default)
    for name in ("article_date", "article_date_reason"):
        if not Doc.has_extension(name):
            Doc.set_extension(name, default=None)


# --- roles -------------------------------------------------------------------------------------

def _in_hypothetical(tok: Token) -> bool:
    """Within a clause of what may happen: "Russia would intensify its assault on Ukraine"."""
    for anc in [tok, *tok.ancestors]:
        if anc.pos_ in ("VERB", "AUX") and any(c.dep_ == "aux" and c.lower_ in _MODALS for c in anc.children):
            return True
        if anc.lower_ in _HYPOTHETICAL and anc.pos_ in ("VERB", "NOUN") and anc is not tok:
            return True
        if anc.dep_ == "ROOT":
            break
    return False


def _anchor(span: Span) -> Token:
    """The token whose position in the parse tells the role: the first of conjoined places, or the
    kind word of "the city of Kyiv"."""
    tok = span.root
    for _ in range(6):
        if tok.dep_ == "conj" and tok.head.pos_ in ("PROPN", "NOUN") or tok.dep_ == "appos":
            tok = tok.head
        elif tok.dep_ == "pobj" and tok.head.lower_ == "of" and tok.head.head.lower_ in PLACE_WORDS:
            tok = tok.head.head
        elif tok.dep_ == "compound" and tok.head.lower_ in PLACE_WORDS and tok.head.ent_type_ == "":
            tok = tok.head
        else:
            break
    return tok


# A wire dateline at the head of a paragraph: "BEIRUT (Reuters) -", "LAFAYETTE, Ind. —", "KYIV, Ukraine (AP) —".
_DATELINE = re.compile(r"[A-Z][A-Z.'’ -]*[A-Z.](?:,(?: [A-Z][\w.'’-]*)+)*(?: \([^)\n]{1,40}\))? ?[-—–:]")


def _in_dateline(span: Span, text: str) -> bool:
    """Where the report was filed, not what it says happened there (the wire's city may be far away)."""
    head = text.rfind("\n", 0, span.start_char) + 1
    found = _DATELINE.match(text, head)
    return found is not None and span.end_char < found.end()


def role_of(span: Span, text: str | None = None) -> tuple[str, str]:
    """(role, the rule that decided it) for one place mention, from where it stands in the parse."""
    if _in_dateline(span, span.doc.text if text is None else text):
        return "other", "a dateline: where the report was filed"
    tok = _anchor(span)
    dep, head = tok.dep_, tok.head
    hypothetical = _in_hypothetical(tok)
    if dep in ("nsubj", "csubj"):
        verb = head
        if verb.lower_ in SITE_SUBJECT_VERBS:
            return "site", f"subject of '{verb.text}', a verb of undergoing"
        if tok.lower_ in PLACE_WORDS:
            return "site", f"'the {tok.text} of …' names the place itself, not its government"
        if verb.lower_ in {"is", "was", "were", "are", "been", "be", "'s", "remains", "remained"}:
            said = [t for t in verb.subtree if t.i > tok.i and t.i not in range(span.start, span.end)]
            if any(t.lower_ in _TRIGGER_WORDS or t.lower_ in SITE_OBJECT_VERBS for t in said):
                return "site", f"'{verb.text} …' says what happened there"
            preps = [c for c in verb.children if c.dep_ == "prep"]
            if any(p.lower_ in {"without", "under"} for p in preps):
                return "site", f"'{verb.text} {preps[0].text} …': a state it is in"
            adj = [c for c in verb.children if c.dep_ in ("acomp", "attr")]
            if adj and adj[0].lower_ in {"interested", "ready", "willing", "determined", "responsible", "prepared",
                                         "keen", "unwilling", "reluctant", "committed", "eager", "winning",
                                         "open", "adamant", "opposed"}:
                return "actor", f"'{adj[0].text}': an attitude, so it stands for a government"
            if adj and adj[0].lower_ in {"calm", "quiet", "tense", "dark", "flooded", "underwater", "hit", "safe",
                                         "paralysed", "paralyzed", "deserted", "cut", "empty"}:
                return "site", f"'{verb.text} {adj[0].text}': a state the place is in"
            return "other", "subject of a description"
        return "actor", f"subject of '{verb.text}': the place acts or speaks (metonymy)"
    if dep == "nsubjpass":
        if head.lower_ in ACTOR_PASSIVE_VERBS:
            return "actor", f"passive subject of '{head.text}', said of governments"
        return "site", f"passive subject of '{head.text}': something happened to it"
    if dep in ("poss", "compound", "amod", "nmod", "npadvmod"):
        noun = head
        if dep == "compound" and noun.dep_ == "compound" and noun.lower_ not in ACTOR_NOUNS | SITE_NOUNS:
            noun = noun.head
        word = noun.lower_
        if word in ACTOR_NOUNS or dep == "poss" and noun.ent_type_ in ("NORP", "ORG"):
            return "actor", f"'{span.text}'s {noun.text}': stands for its government or forces"
        if word in SITE_NOUNS:
            return "site", f"'{span.text} {noun.text}': people or things in the place"
        if dep == "poss":
            return "other", f"possessor of '{noun.text}'"
        return "other", f"modifier of '{noun.text}'"
    if dep == "pobj":
        prep = head.lower_
        gov = head.head
        if prep in ("between", "with") and gov.lower_ in PARTY_NOUNS or prep == "between" and gov.pos_ == "VERB":
            return "actor", f"'{gov.text} {prep} …': a party to it"
        if prep == "between" and gov.lower_ in STRETCH_NOUNS:
            return "site", f"'{gov.text} between …': the stretch of land it names"
        if prep == "by" and gov.pos_ in ("VERB", "AUX"):
            return "actor", f"agent of '{gov.text}'"
        if prep in COMPARISON_PREPS:
            return "other", f"'{prep} …': a comparison"
        if hypothetical:
            return "other", "in a clause about what may happen"
        if prep in ("on", "against", "upon") and gov.lower_ in PRESSURE_NOUNS:
            return "actor", f"'{gov.text} {prep} …': pressure or claims on a government"
        if prep == "against" and gov.lower_ not in SITE_OBJECT_VERBS and gov.lower_ not in _TRIGGER_WORDS:
            return "other", "'against …' without an attack"
        if prep == "from":
            left = _forms("flee fled evacuate evacuation withdraw retreat escape rescue displace pull")
            if left & {gov.lower_, gov.head.lower_, gov.head.head.lower_} and gov.dep_ != "nsubj":
                return "site", f"'{gov.text} from …': where people left under threat"
            if gov.lower_ in ACTOR_FROM_WORDS:
                return "actor", f"'{gov.text} from …': said or sent by its government"
            return "other", "'from …': an origin"
        if prep == "to":
            struck = [gov, *gov.children]
            if gov.lower_ not in MOVEMENT_WORDS and any(
                    t.lower_ in _TRIGGER_WORDS or t.lower_ in _DISRUPTION or t.lower_ in INFRA_WORDS for t in struck):
                return "site", f"'{gov.text} … to …': what it brought or cut there"
            return "other", "'to …': a destination or recipient"
        if prep in ("for", "about", "towards", "toward") and gov.lower_ not in _TRIGGER_WORDS:
            return "other", f"'{prep} …': a destination or topic"
        if prep == "of":
            if gov.lower_ in ACTOR_NOUNS:
                return "actor", f"'{gov.text} of …': its government or forces"
            if gov.lower_ in SITE_NOUNS or gov.lower_ in _TRIGGER_WORDS or gov.lower_ in {
                    "north", "south", "east", "west", "northeast", "northwest", "southeast", "southwest"}:
                return "site", f"'{gov.text} of …': in or near the place"
            return "other", f"'{gov.text} of …'"
        if prep in LOCATIVE_PREPS:
            speaker = gov.lower_ in SPEAKER_NOUNS and gov.dep_ in ("nsubj", "nsubjpass", "appos")
            if speaker or gov.lower_ in {"based", "born", "headquartered", "registered"}:
                return "other", f"'{gov.text} {prep} …': where a speaker or body sits"
            return "site", f"'{prep} …': where it happened or is"
        return "other", f"'{prep} …'"
    if dep in ("dobj", "obj", "attr", "oprd"):
        if hypothetical:
            return "other", "in a clause about what may happen"
        if head.lower_ in SITE_OBJECT_VERBS:
            return "site", f"object of '{head.text}': where it happened"
        if head.lower_ in ACTOR_OBJECT_VERBS:
            return "actor", f"object of '{head.text}', said of governments or teams"
        return "other", f"object of '{head.text}'"
    if dep == "ROOT" and tok.sent.end - tok.sent.start <= len(span) + 2:
        return "site", "a dateline or heading naming the place"
    return "other", f"no rule for '{dep}'"


# --- events ------------------------------------------------------------------------------------

# Words of incident phrases, for the role rules ("strikes on X", "the worst hit"); not "heavy" of "heavy rain".
_TRIGGER_WORDS = frozenset(w for c in TAXONOMY for t in c.triggers for w in t.split()
                           if c.key not in ("infrastructure_damage", "disease_outbreak")) - STOP_WORDS - {
    "heavy", "general", "set", "took", "went", "exchange", "car", "water", "fighter", "suicide", "roadside",
    "air", "torrential", "flash", "kamikaze", "explosive", "device", "helicopter", "threw", "hurled", "rubber"}
INFRA_WORDS = frozenset(w for t in CATEGORIES["infrastructure_damage"].triggers for w in t.split()) - {"without"}


@dataclass
class Trigger:
    """A phrase of the taxonomy found in a sentence."""

    category: str
    span: Span


def _is_trigger(cat: Category, span: Span) -> bool:
    """Filters on a matched phrase: guarded words in idioms, words that need a disruption, future clauses."""
    doc = span.doc
    first, last = span[0], span[-1]
    if len(span) == 1 and first.lower_ in cat.guarded:
        before = doc[first.i - 1].lower_ if first.i > span.sent.start else ""
        after = doc[first.i + 1].lower_ if first.i + 1 < span.sent.end else ""
        if before in _NOT_AFTER or after in _NOT_BEFORE or first.pos_ == "VERB":
            return False
        if first.lower_ == "fire" and (after in {"brigade", "service", "services", "fighters", "department"}):
            return False
    if cat.needs_any and len(span) == 1 and first.lower_ in cat.guarded:
        words = {t.lower_ for t in span.sent}
        if not words & set(cat.needs_any):
            return False
    if cat.key == "attack" and first.lower_ in {"strike", "strikes"} and first.i > span.sent.start and \
            doc[first.i - 1].lower_ in {"general", "hunger", "labour", "labor"}:
        return False
    return not _in_hypothetical(last) and not _negated(last)


def _negated(tok: Token) -> bool:
    """"no rockets hit the town", "denied any shelling"."""
    if any(c.dep_ == "neg" or c.lower_ == "no" for c in tok.children):
        return True
    return tok.head.lower_ in {"denied", "deny", "denies", "ruled"}


class IncidentMatcher:
    """Trigger phrases of the taxonomy, longest match first, one category per token."""

    def __init__(self, nlp: Language) -> None:
        self.matcher = PhraseMatcher(nlp.vocab, attr="LOWER")
        for cat in TAXONOMY:
            self.matcher.add(cat.key, [nlp.make_doc(t) for t in cat.triggers])

    def __call__(self, sent: Span) -> list[Trigger]:
        doc = sent.doc
        # Matching a Span gives token indices into the whole Doc.
        found = sorted(self.matcher(sent), key=lambda x: (-(x[2] - x[1]), x[1]))
        taken: dict[int, tuple[int, int]] = {}
        out = []
        for match_id, s, e in found:
            key = doc.vocab.strings[match_id]
            span = doc[s:e]
            # A word may trigger two categories ("wildfire"), but only as the same phrase.
            if any(taken.get(i, (s, e)) != (s, e) for i in range(s, e)) or not _is_trigger(CATEGORIES[key], span):
                continue
            taken |= dict.fromkeys(range(s, e), (s, e))
            out.append(Trigger(key, span))
        if any(t.category != "attack" for t in out):
            out = [t for t in out if t.category != "attack"]
        return sorted(out, key=lambda t: t.span.start)


# --- casualties --------------------------------------------------------------------------------

def _number(tok: Token) -> int | None:
    """The value of a number token: digits ("10,000", "1.5"), words ("five", "twenty-five", "dozen")."""
    text = tok.lower_.replace(",", "")
    if re.fullmatch(r"\d+", text):
        return int(text)
    if re.fullmatch(r"\d+\.\d+", text):
        return int(float(text))
    parts = text.split("-")
    if all(p in NUMBER_WORDS for p in parts):
        return sum(NUMBER_WORDS[p] for p in parts)
    return None


def _value(tok: Token) -> tuple[int, Token, Token] | None:
    """(value, first token, last token) of the number phrase at `tok` ("1.5 million", "a dozen")."""
    doc = tok.doc
    value = _number(tok)
    if value is None:
        return None
    tok_first = doc[tok.i - 1] if tok.lower_ == "dozen" and tok.i > 0 and doc[tok.i - 1].lower_ in {"a", "one"} else tok
    last = tok
    if last.i + 2 < len(doc) and doc[last.i + 1].text == "-" and doc[last.i + 2].lower_ in NUMBER_WORDS:
        last = doc[last.i + 2]  # "twenty-five" split in three tokens
        value += NUMBER_WORDS[last.lower_]
    while last.i + 1 < len(doc) and doc[last.i + 1].lower_ in SCALES:
        last = doc[last.i + 1]
        value *= SCALES[last.lower_]
    if tok.lower_.replace(",", "").isdigit() and 1900 <= value <= 2100 and tok.dep_ != "nummod":
        return None  # a year
    return value, tok_first, last


def _qualifier(doc: Doc, first: Token) -> tuple[str, int]:
    """"at least 10" -> (">=", start of "at"); "=" when the figure is stated plainly."""
    if first.lower_ in {"dozens", "hundreds", "thousands"}:
        return ">=", first.i  # "dozens of" counts as at least two dozen
    before = doc[max(0, first.i - 3):first.i].text.lower()
    for words, q in QUALIFIERS:
        if before.endswith(words):
            return q, first.i - len(words.split())
    return "=", first.i


def _casualty_kind(num: Token, noun: Token) -> str | None:
    """What the figure counts: from the words around the counted noun in the parse, then nearby text."""
    candidates = [noun, *noun.children, noun.head, *list(noun.ancestors)[:3]]
    for c in candidates:
        if c.lower_ in CASUALTY_WORDS and c is not num:
            if c.lower_ == "held" and noun.head is not c:
                continue
            return CASUALTY_WORDS[c.lower_]
        for child in c.children:
            if c is noun.head and child.dep_ in ("acomp", "oprd", "xcomp") and child.lower_ in CASUALTY_WORDS:
                return CASUALTY_WORDS[child.lower_]
    doc = num.doc
    for t in doc[noun.i + 1:min(noun.i + 4, num.sent.end)]:
        if t.lower_ in CASUALTY_WORDS and t.lower_ != "held":
            return CASUALTY_WORDS[t.lower_]
        if t.is_punct:
            break
    return None


def casualty_figures(sent: Span) -> list[dict[str, Any]]:
    """Figures of people killed, injured, missing or arrested in a sentence, with qualifier and sub-counts.

    "the deaths of 25 people, including five children" -> killed 25, including 5 children.
    """
    doc = sent.doc
    out: list[dict[str, Any]] = []
    seen: set[int] = set()
    for tok in sent:
        if tok.i in seen or not (tok.like_num or tok.lower_ in NUMBER_WORDS):
            continue
        got = _value(tok)
        if got is None:
            continue
        value, first, last = got
        seen |= set(range(first.i, last.i + 1))
        noun = last.head if last.dep_ in ("nummod", "quantmod", "compound") else last
        if noun.i < last.i and noun.lower_ not in CASUALTY_WORDS:
            noun = last  # "of whom 87", "killing 12"
        if noun is not last and noun.lower_ not in PERSON_NOUNS:
            if noun.lower_ == "of" or noun.lower_ in CASUALTY_WORDS:
                noun = last
            else:
                continue  # "90 drones", "two residential blocks"
        if noun.lower_ == "of" and last.head is noun:
            continue
        if last.i + 1 < sent.end and doc[last.i + 1].lower_ in {"km", "kilometres", "kilometers", "miles",
                                                                  "percent", "%", "am", "pm", "years",
                                                                  "hours", "days", "metres", "meters"}:
            continue
        who = noun.text if noun is not last and noun.lower_ not in CASUALTY_WORDS else "people"
        if out and any(t.lower_ in {"including", "among", "whom"} for t in doc[max(sent.start, first.i - 3):first.i]):
            out[-1].setdefault("including", []).append({"count": value, "who": who})
            continue
        kind = _casualty_kind(last, noun)
        if kind is None:
            continue
        qualifier, start = _qualifier(doc, first)
        fig = {"kind": kind, "count": value, "qualifier": qualifier, "who": who,
               "text": doc[start:max(noun.i, last.i) + 1].text, "start": doc[start].idx,
               "end": doc[max(noun.i, last.i)].idx + len(doc[max(noun.i, last.i)])}
        out.append(fig)
    return out


# --- dates -------------------------------------------------------------------------------------

MONTHS = {m: i + 1 for i, m in enumerate(("january", "february", "march", "april", "may", "june", "july",
                                          "august", "september", "october", "november", "december"))}
MONTHS |= {m[:3]: i for m, i in list(MONTHS.items())} | {"sept": 9}
WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
HOLIDAYS = {"new year's day": (1, 1), "new year’s day": (1, 1), "new year's eve": (12, 31),
            "new year’s eve": (12, 31), "christmas day": (12, 25), "christmas eve": (12, 24),
            "christmas": (12, 25)}
_ON_HOLIDAY = tuple((name, md, re.compile(r"\bon " + re.escape(name) + r"\b")) for name, md in HOLIDAYS.items())
_MON = r"(jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?"
_DATE_PATTERNS = (
    (re.compile(r"\b((?:19|20)\d\d)-(\d\d)-(\d\d)\b"), ("y", "m", "d")),
    (re.compile(_MON + r"\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+((?:19|20)\d\d)\b", re.I), ("mon", "d", "y")),
    (re.compile(r"\b(\d{1,2})(?:st|nd|rd|th)?\s+" + _MON + r",?\s+((?:19|20)\d\d)\b", re.I), ("d", "mon", "y")),
)
_YEAR = re.compile(r"(?:19|20)\d\d")
_NUM_WORD = r"(a|an|one|two|three|four|five|six|seven|\d+)"


def find_date(text: str) -> date | None:
    """The first full date written in the text ("2 January 2024", "Jan. 2, 2024", "2024-01-02")."""
    if not _YEAR.search(text):
        return None  # every full date has its year; most sentences have none
    best: tuple[int, date] | None = None
    for pattern, order in _DATE_PATTERNS:
        m = pattern.search(text)
        if not m:
            continue
        parts = dict(zip(order, m.groups()))
        month = int(parts["m"]) if "m" in parts else MONTHS[parts["mon"].lower().rstrip(".")[:3]]
        try:
            found = date(int(parts["y"]), month, int(parts["d"]))
        except ValueError:
            continue
        if best is None or m.start() < best[0]:
            best = (m.start(), found)
    return best[1] if best else None


def article_date_of(text: str) -> date | None:
    """The article's date as written in its head (dateline, byline, "Published ..." line)."""
    return find_date(text[:600])


def as_date(value: date | datetime | str | None) -> date | None:
    """A date from what callers have at hand: a date, a datetime or an ISO / written date string."""
    if value is None or value == "":
        return None
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    try:
        return date.fromisoformat(value[:10])
    except ValueError:
        return find_date(value)


def _on_or_before(ref: date, month: int, day: int) -> date | None:
    """The latest (month, day) on or before `ref`: news reports the past."""
    for year in (ref.year, ref.year - 1):
        try:
            d = date(year, month, day)
        except ValueError:
            continue
        if d <= ref:
            return d
    return None


def _said(text: str, m: re.Match[str]) -> str:
    """The words a match on the lower-cased sentence stands for, as written."""
    return text[m.start():m.end()].strip()


def sentence_date(text: str, ref: date | None) -> tuple[date | None, str]:
    """(date, reasoning) of the events in a sentence: the article's date unless the sentence shifts it."""
    low = text.lower()
    base = f"the article's date ({ref.isoformat()})" if ref else "the article's date, which is not known"
    if (found := find_date(text)) is not None:
        return found, f"date written in the sentence: {found.isoformat()}"
    for name, md, on_day in _ON_HOLIDAY:
        if (m := on_day.search(low)):
            if ref is None:
                return None, f"'{_said(text, m)}', relative to {base}"
            d = _on_or_before(ref, *md)
            return d, f"'{_said(text, m)}': the last {name.title()} on or before {base}"
    m = re.search(r"\b(?:on|since|last)?\s*(?:the\s+)?(\d{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?" + _MON + r"(?!\s+\d{4})",
                  low) or re.search(_MON + r"\s+(\d{1,2})(?:st|nd|rd|th)?\b(?!,?\s*\d{4})", low)
    if m:
        groups = m.groups()
        day_s, mon_s = (groups[0], groups[1]) if groups[0].isdigit() else (groups[1], groups[0])
        month = MONTHS.get(mon_s.rstrip(".")[:3])
        if month and not (mon_s.startswith("may") and not re.search(r"\bmay\s+\d", low + " ")
                          and not re.search(r"\d\s+may\b", low)):
            if ref is None:
                return None, f"'{_said(text, m)}' with no year, and {base}"
            d = _on_or_before(ref, month, int(day_s))
            if d:
                return d, f"'{_said(text, m)}': the last such day on or before {base}"
    if re.search(r"\byesterday\b|\blast night\b", low):
        word = "yesterday" if "yesterday" in low else "last night"
        return (ref - timedelta(days=1) if ref else None), f"'{word}': the day before {base}"
    if m := re.search(_NUM_WORD + r" (day|days|week|weeks) (ago|earlier|before)", low):
        n = 1 if m.group(1) in {"a", "an"} else NUMBER_WORDS.get(m.group(1)) or int(m.group(1))
        days = n * (7 if m.group(2).startswith("week") else 1)
        return (ref - timedelta(days=days) if ref else None), f"'{_said(text, m)}': {days} day(s) before {base}"
    if m := re.search(r"\b(?:on|last|this past)\s+(" + "|".join(WEEKDAYS) + r")\b", low) or \
            re.search(r"\b(" + "|".join(WEEKDAYS) + r")\b", low):
        wd = WEEKDAYS.index(m.group(1))
        if re.search(r"\bnext\s+" + m.group(1), low):
            return ref, f"'next {m.group(1)}' is ahead; kept {base}"
        if ref is None:
            return None, f"'{_said(text, m)}', relative to {base}"
        d = ref - timedelta(days=(ref.weekday() - wd) % 7)
        return d, f"'{_said(text, m)}': the last {m.group(1).title()} on or before {base}"
    if m := re.search(_NUM_WORD + r" (day|days) after ([^,.;]+)", low):
        return ref, f"'{_said(text, m)}': the date of what it follows is not stated, so {base}"
    if re.search(r"\b(today|this morning|this afternoon|this evening|tonight|earlier today)\b", low):
        return ref, f"'today': {base}"
    return ref, base


# --- the component ------------------------------------------------------------------------------

# How specific each kind is; a district of a city ("the Podilsky district of Kyiv") is finer than the city.
_KIND_RANK = {"continent": 0, "macroregion": 1, "country": 2, "region": 3, "city": 4, "district": 5}
_WITHIN_KM = {"region": 300.0, "district": 40.0, "city": 35.0}


def within(inner: Place, outer: Place) -> bool:
    """Whether `inner` is a more specific place inside `outer` ("Podilsky district" in Kyiv)."""
    if inner.id == outer.id or _KIND_RANK.get(inner.kind, 9) <= _KIND_RANK.get(outer.kind, 9):
        return False
    if outer.id in (inner.admin1, inner.admin2):
        return True
    if outer.kind in ("country", "continent", "macroregion"):
        return outer.kind == "country" and inner.country == outer.country
    if inner.country != outer.country or None in (inner.lat, inner.lon, outer.lat, outer.lon):
        return False
    if outer.kind == "region" and inner.admin1 is not None:
        return False  # the gazetteer knows its region, and it is another one
    return distance_km(inner.lat, inner.lon, outer.lat, outer.lon) <= _WITHIN_KM.get(outer.kind, 0.0)


def _groups(sites: list[Span]) -> list[list[Span]]:
    """Sites joined by "and"/"or" ("the regions of Odesa and Kherson") form one group."""
    groups: list[list[Span]] = []
    for s in sites:
        root = s.root
        linked = root.dep_ == "conj" or (root.head.dep_ == "conj" and root.dep_ == "pobj")
        if linked and groups:
            groups[-1].append(s)
        else:
            groups.append([s])
    return groups


def _nearest(groups: list[list[Span]], start: int, end: int) -> list[Span]:
    """The group(s) closest in the text to tokens [start, end); ties keep all."""
    def dist(s: Span) -> int:
        return max(0, s.start - end + 1, start - s.end + 1)
    best = min(min(dist(s) for s in g) for g in groups)
    return [s for g in groups if min(dist(s) for s in g) == best for s in g]


def _most_specific(chosen: list[Span], sites: list[Span]) -> list[Span]:
    """Replace a place by the more specific site inside it named in the same sentence."""
    out: list[Span] = []
    for s in chosen:
        place = s._.place
        inner = [o for o in sites if place is not None and o._.place is not None and within(o._.place, place)]
        for o in inner or [s]:
            if o not in out:
                out.append(o)
    return out


@Language.factory("geomap_incidents")
def make_incidents(nlp: Language, name: str) -> IncidentExtractor:
    """Registered so `nlp.add_pipe("geomap_incidents")` works like geomap's other components."""
    return IncidentExtractor(nlp, name)


class IncidentExtractor:
    """spaCy component: roles, incident events, casualty figures and dates on place spans."""

    def __init__(self, nlp: Language, name: str) -> None:
        _ensure_extensions()
        self.name = name
        self.matcher = IncidentMatcher(nlp)

    def __call__(self, doc: Doc) -> Doc:
        text = doc.text  # built from the tokens on every access: once here, not per sentence
        if doc._.article_date is None and (found := article_date_of(text)) is not None:
            doc._.article_date, doc._.article_date_reason = found, "written at the head of the article"
        spans = list(doc.spans[SPAN_KEY])
        for span in spans:
            span._.role, span._.role_reason = role_of(span, text)
            span._.events, span._.casualties = [], []
        if not doc.has_annotation("SENT_START"):
            return doc
        by_sent: dict[int, list[Span]] = {}
        for span in spans:
            by_sent.setdefault(span.sent.start, []).append(span)
        ref = doc._.article_date
        prev_sites: list[Span] = []
        prev_end = 0
        for sent in doc.sents:
            said = text[sent.start_char:sent.end_char]  # sent.text, without rebuilding it from tokens
            if sent.start in by_sent:  # a date is read only where a place is named
                when, why = sentence_date(said, ref)
                for span in by_sent[sent.start]:
                    span._.event_date, span._.date_reason = (when.isoformat() if when else None), why
            sites = [s for s in by_sent.get(sent.start, []) if s._.role == "site"]
            same_paragraph = "\n" not in text[prev_end:sent.start_char]
            self._attach(sent, sites, prev_sites if same_paragraph else [])
            if sites:
                prev_sites = sites
            elif not same_paragraph:
                prev_sites = []
            prev_end = sent.start_char + len(said.rstrip())
        return doc

    def _attach(self, sent: Span, sites: list[Span], before: list[Span]) -> None:
        """Tie the sentence's triggers and figures to its sites, or to the last sentence's."""
        if not sites and not before:
            return  # nothing to tie them to
        triggers = self.matcher(sent)
        figures = casualty_figures(sent)
        if not triggers and not figures:
            return
        carried = not sites
        if carried:
            sites = before
            if not sites:
                return
        groups = _groups(sites)
        sent_span = {"sentence_start": sent.start_char, "sentence_end": sent.end_char}
        targets = {id(t): list(sites) if carried else _most_specific(_nearest(groups, t.span.start, t.span.end), sites)
                   for t in triggers}
        # A site no trigger is nearest to takes them all ("21 died in Mozambique and 100 in Malawi as the
        # storm moved inland"), unless a more specific place inside it stands for it.
        reached = {id(s) for t in targets.values() for s in t}
        for s in sites:
            if id(s) not in reached and _most_specific([s], sites) == [s]:
                for t in targets.values():
                    t.append(s)
        for trig in triggers:
            cat = CATEGORIES[trig.category]
            event = {"category": cat.key, "label": cat.label, "acled": cat.acled, "trigger": trig.span.text,
                     "start": trig.span.start_char, "end": trig.span.end_char, **sent_span,
                     "carried": carried}
            for s in targets[id(trig)]:
                if not any(e["category"] == cat.key and e["sentence_start"] == sent.start_char for e in s._.events):
                    s._.events.append(event)
        for fig in figures:
            tok = sent.doc.char_span(fig["start"], fig["end"], alignment_mode="expand")
            targets = sites if carried else _most_specific(_nearest(groups, tok.start, tok.end), sites)
            shared = [s.text for s in targets]
            for s in targets:
                s._.casualties.append({**fig, **sent_span, "places": shared, "carried": carried})


def dominant_category(events: list[dict[str, Any]]) -> str | None:
    """The category a place is drawn with: the most frequent, ties broken by taxonomy order."""
    if not events:
        return None
    order = {c.key: i for i, c in enumerate(TAXONOMY)}
    counts: dict[str, int] = {}
    for e in events:
        counts[e["category"]] = counts.get(e["category"], 0) + 1
    return min(counts, key=lambda k: (-counts[k], order.get(k, 99)))


def casualty_totals(figures: list[dict[str, Any]]) -> dict[str, int]:
    """Sum per kind, each stated figure once (a figure shared by several places counts for each)."""
    out: dict[str, int] = {}
    seen: set[tuple[int, int]] = set()
    for f in figures:
        if (f["start"], f["end"]) in seen:
            continue
        seen.add((f["start"], f["end"]))
        out[f["kind"]] = out.get(f["kind"], 0) + f["count"]
    return out
