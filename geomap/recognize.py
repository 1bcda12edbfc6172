"""Recognition: find place mentions in a spaCy `Doc`.

The statistical NER proposes GPE/LOC/FAC entities; the gazetteer then adds the proper nouns it
missed and trims/extends spans to the field's convention (no leading "the", no possessive; a
kind word such as "district" is kept only where the name needs it: "Solomyansky district"
but "Hubei province" -> "Hubei"). Results go to `doc.spans["places"]`, each span carrying the
kind its context implies in `span._.kind_hint`.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Iterator
from functools import cache

import pycountry
from rapidfuzz import fuzz
from spacy.attrs import IS_DIGIT, LOWER
from spacy.language import Language
from spacy.strings import hash_string
from spacy.symbols import ORTH
from spacy.tokens import Doc, Span, Token

from .gazetteer import ABBREV, ALIAS, NAME, SHORT, Gazetteer, Place, distance_km, sites_named, water_bodies
from .regions import ALL_WATER_FEATURES, EXTRA_DEMONYMS, STYLEBOOK_ABBREVIATIONS
from .sites import SITE_CODES
from .text import ADMIN_WORDS, PART_WORDS, name_key, vowelless

SPAN_KEY = "places"

# Kind words and the kind of place they announce.
TRIGGERS: dict[str, str] = {
    "district": "district", "districts": "district", "raion": "district", "rayon": "district",
    "county": "district", "counties": "district", "borough": "district", "municipality": "district",
    "region": "region", "regions": "region", "oblast": "region", "oblasts": "region",
    "province": "region", "provinces": "region", "state": "region", "governorate": "region",
    "prefecture": "region", "prefectures": "region", "canton": "region", "cantons": "region", "states": "region",
    # South and Southeast Asia's and Nigeria's second-level units: "Bahrain tehsil", "Gwoza LGA".
    "tehsil": "district", "tehsils": "district", "taluka": "district", "taluk": "district", "upazila": "district",
    "upazilas": "district", "mandal": "district", "regency": "district", "regencies": "district",
    "lga": "district", "subdistrict": "district", "township": "district", "townships": "district", "shire": "district",
    "city": "city", "town": "city", "village": "city", "cities": "city", "towns": "city", "villages": "city",
}
_ADJECTIVAL = re.compile(r"(?:s|c|ts|z)k(?:yi|iy|yy|ii|y|i|a|e|oe|aya|ij)$")
# "Hay-on-Wye", "Ashby-de-la-Zouch", "Saint-Jean-sur-Richelieu": capitalised parts hyphened through
# lowercase particles, a shape only places' names take.
_PARTICLE_NAME = re.compile(r"\b[A-Z][\w'’]*(?:-[A-Z][\w'’]*)*(?:-(?:[a-z]{1,5}-)+[A-Z][\w'’]*(?:-[A-Z][\w'’]*)*)+")
# ... and spaced: "Prairie du Chien", "Havre de Grace", "Lac du Flambeau".
_SPACED_PARTICLE_NAME = re.compile(r"\b[A-Z][\w'’]+(?: (?:du|de|des|de la|del|della|di|da|do|dos|la|le|les|sur|aux|au)"
                                   r" [A-Z][\w'’]+)+")
# A line that is a page's trail of sections: short capitalised items between "/" or "›".
_CRUMB = r"[A-Z][\w'’.-]*(?: [A-Z][\w'’.-]*){0,2}"
# A page's tags line, in the languages of the sites that print English news beside their own.
# A label of one word before three items or more parted by middle dots is a tags line in any language:
# "Značky: medveď · Liptovský Hrádok · Nízke Tatry".
_TAGS = re.compile(r"^[ \t]*(?:(?:tags?|tagged|topics?|keywords?|etiquetas|mots-clés|tagovi|tagi|schlagwörter"
                   r"|temas)[ \t]*:([^\n]+)|[^\W\d]{2,20}[ \t]*:((?:[^\n·]+·){2,}[^\n]+))$",
                   re.MULTILINE | re.IGNORECASE)
# A page's block of links to other stories, its label in English or after the site's own ("PROČITAJTE
# JOŠ / READ MORE"), alone on its line or before a colon ("Related deaths rose" is a sentence): the
# label's line may hold a headline, and the lines up to a blank one are headlines.
_LINK_WORDS = (r"(?:read more|related(?: stories| articles)?|see also|also read|more stories"
               r"|lea también|leia também|à lire aussi|lue myös|čítajte aj|leugh cuideachd|lexo edhe"
               r"|leggi anche|lesen sie auch|czytaj też|czytaj także|citește și|прочетете още|διαβάστε επίσης"
               r"|lee también|veja também|leia mais|lire aussi|voir aussi|lees ook|läs också|les også|læs også"
               r"|zobacz też|zobacz także|pročitajte još|pročitajte i|preberite tudi|čtěte také|přečtěte si také"
               r"|baca juga|читайте также|читайте також|lasi arī|skaitykite daugiau|taip pat skaitykite|loe ka"
               r"|đọc thêm|soma zaidi|soma pia|ritim moa|həmçinin oxuyun|basahin din|bunu da okuyun|le tamén"
               r"|bala hape)")
_LINKS = re.compile(rf"^(?:[^\n]*/ ?)?{_LINK_WORDS}"
                    r"(?:[ \t]*:|[ \t]*$)[ \t]*((?:[^\n]*)(?:\n[^\n]*\S[^\n]*)*)", re.MULTILINE | re.IGNORECASE)
# Each such label, and a byline's or credit's in the site's language, before its colon: the second "Lue
# myös:" of a block, "Piše: Ivana Kovač, Senta" (not Pisa).
_LABEL = re.compile(rf"^[ \t]*(?:{_LINK_WORDS}|piše|napisao|napisala|autor|autora|autorka|kirjoittanut|texto|foto"
                    r"|fotos|kuva|bild)[ \t]*:", re.MULTILINE | re.IGNORECASE)
# A caption's credit names the site, then the photographer after a slash: "Foto: Diario del Litoral /
# Martín Suárez" (no Martin of Slovakia).
_CREDIT_TAIL = re.compile(r"\b(?:photo|photograph|picture|image|foto|fotos|kuva|bild)(?:[ \t]+credit)?[ \t]*:"
                          r"[^\n/|]*[/|][ \t]*([^\n\])]+)", re.IGNORECASE)
# A page's share line, its label in any language: "Chia sẻ: Facebook | Zalo", "Deli: Facebook | X" (no Delhi).
_SHARE = re.compile(r"^[ \t]*[^\n:]{1,30}:[ \t]*(?:facebook|twitter|whatsapp|telegram|zalo|linkedin|viber|vk|x|line"
                    r"|messenger|e-?mail)[ \t]*[|·,][^\n]*$", re.MULTILINE | re.IGNORECASE)
# The home page a trail of sections starts from: "Home › News › NT › Katherine" (no Home, Wash.).
_HOME = re.compile(r"^[ \t]*(?:home|hom|homepage|inicio|início|accueil|startseite|početna|naslovnica|domov|etusivu"
                   r"|forsíða|sākums|pradžia|avaleht|beranda)(?=[ \t]*[/›»])", re.MULTILINE | re.IGNORECASE)
# A link to another story marked by an arrow at its line's start: "› Vanimo market vendors hit by fuel shortage".
_ARROW_LINK = re.compile(r"^[ \t]*[›»][ \t]*([^\n]+)$", re.MULTILINE)
# ... and a bulleted headline, which ends in no stop: "• Butuan airport runway work to finish by March".
_BULLETED_HEADLINE = re.compile(r"^[ \t]*•[ \t]*([^\n]*[^\n.!?:;\s])[ \t]*$", re.MULTILINE)
# The name a linked headline opens with, after any bullet or number: "• Mbale traders count losses",
# "Trogir: tax up", "3. Lewis wind farm plan goes to inquiry".
_HEADLINE_NAME = re.compile(r"[ \t]*(?:(?:[•*–-]|\d{1,2}\.)[ \t]*)?([A-Z][\w'’.]*(?:[ -][A-Z][\w'’.]*){0,2})"
                            r"(?=[:,]?[ \t]+[a-z])")
# ... and a run of two numbered headlines or more, one to a line: "1. Alice Springs curfew extended".
_NUMBERED_HEADLINE = re.compile(r"^[ \t]*\d{1,2}\.[ \t]+([^\n]*[^\n.!?:;,\s])[ \t]*$", re.MULTILINE)
_NUMBERED_HEADLINES = re.compile(r"(?:^[ \t]*\d{1,2}\.[ \t]+[^\n]*[^\n.!?:;,\s][ \t]*(?:\n|$)){2,}", re.MULTILINE)
# ... and one after a word of where inside it: "School feeding resumes in Opuwo".
_HEADLINE_WHERE = re.compile(r"\b(?:in|at|near|from|to|on)[ \t]+(?:the[ \t]+)?([A-Z][\w'’.]*(?:[ -][A-Z][\w'’.]*){0,2})"
                             r"(?![\w'’-])")
# A site's name alone on the page's first line, over its trail of sections.
_MASTHEAD = re.compile(rf"\s*([^\n/›»|—–]{{3,40}}?)[ \t]*(?:[|—–][^\n]*)?\n\s*(?={_CRUMB} ?[/›»]|[^\n]*[›»][^\n]*[›»])")
_BREADCRUMB = re.compile(rf"^{_CRUMB} ?[/›»](?: ?{_CRUMB} ?(?:[/›»]|$))+", re.MULTILINE)
# The word after a camp's or crossing's name, and the words of what kind that may come between:
# "Ifo camps", "Kakuma refugee camp", "the Rafah border crossing".
_SITE_WORDS = {"camp": "camp", "camps": "camp", "crossing": "crossing", "crossings": "crossing"}
_SITE_KINDS = frozenset({"refugee", "refugees", "displacement", "idp", "idps", "border", "transit", "relief"})
_POSSESSIVE = frozenset({"'s", "’s"})
_ARTICLES = frozenset({"the", "a", "an"})
_TRAILING = _POSSESSIVE | {"'", "’", "of", "in", "and", "or", "on", "at", "to", "from", "for", "with",
                           "|", "›", "»", "•"}
_JOINERS = frozenset({"of", "de", "del", "la", "le", "al", "el", "du", "and"})
_AMPERSANDS = frozenset({"and", "&"})
# Words after a place name that make it the name of a disease, not a place ("West Nile virus").
_DISEASES_KEY = "geomap_disease_names"
# A name that ends a street's or opens a route number names the road: "38th Street", "Old Dalton Road",
# "U.S. 68", "Ga. 20". A highway keeps its place: "Ontario Provincial Highway 11".
_ROAD_WORDS = frozenset({"street", "road", "avenue", "boulevard", "lane", "drive", "pike",
                         "st.", "rd.", "ave.", "blvd.", "ave", "rd", "blvd"})
_DISEASE_WORDS = frozenset({"virus", "viruses", "virus's", "fever", "ebolavirus", "encephalitis", "flu",
                            "hemorrhagic", "haemorrhagic"})
# Words that make an organisation named after a place an arm of that place's government or public
# body: "the U.S. Centers for Disease Control", "California Department of Public Health", "US Army".
_INSTITUTION_WORDS = frozenset({
    "department", "ministry", "centers", "centres", "center", "centre", "army", "navy", "air", "military",
    "government", "police", "agency", "administration", "food", "health", "institute", "institutes",
    "service", "services", "secretary", "senate", "congress", "parliament", "embassy", "consulate",
    "forces", "border", "agriculture", "environment", "commission", "council", "court",
    "public", "geological", "national", "federal", "marines", "defense", "defence", "interior", "treasury",
    "board", "bureau", "authority", "office", "committee", "minister", "premier", "governor", "provincial",
    "patrol", "division", "emergency",
})
# A newspaper's title word after a place's name: "The Highveld Herald", "MAPUTO MORNING", "Nile Echo".
_MASTHEADS = frozenset("""times herald post tribune gazette chronicle journal courier mail star observer guardian
    telegraph express standard mercury advertiser examiner bulletin register review press daily record echo
    dispatch morning sentinel argus enquirer inquirer clarion""".split())
# Ocean-climate patterns named like villages: "flooding from a coastal El Niño".
_CLIMATE_EVENTS = frozenset({"el nino", "la nina"})
# A club's last word after its town's name: "Galway United", "Bristol Rovers", "Islamabad United"; and
# "Stoke City", "Luton Town", where no place bears the whole name (Cebu City and Cape Town do).
_CLUB_WORDS = frozenset({"united", "rovers", "wanderers", "athletic", "albion", "hotspur", "rangers", "celtic",
                         "thistle", "fc", "afc", "city", "town"})
_CLUB_TOWN_WORDS = frozenset({"city", "town"})
_CLUB_TOWN_COUNTRIES = frozenset({"GB", "IE"})
# Words after a city's name that make the organisation its own: "Seoul City Hall", "New Orleans Police".
_CITY_BODIES = frozenset({"city", "police", "council", "municipal", "mayor", "selectboard", "aldermen"})
# Words after a shire's or county's name that make the body its own: "Powys council", "Cumbria Police".
_SHIRE_BODIES = frozenset({"police", "council", "constabulary"})
# Offices only a country has: "Georgia's prime minister", "Niger's president".
_NATIONAL_OFFICES = frozenset({"prime", "president", "parliament", "army", "embassy", "ambassador", "foreign",
                               "defence", "defense", "king", "monarch", "military", "junta", "navy"})
_BEARING_WORDS = frozenset({"centre", "center", "central"})  # "Wild Life Health Centre" is no region
# The kind word a council's name puts between its place and "Council".
_COUNCIL_KINDS = frozenset({"county", "city", "shire", "regional", "district", "municipal", "borough"})
# Bodies that are a place's own government: "the Government of India", "the Embassy of Ireland".
_GOVERNMENT_HEADS = frozenset({"government", "ministry", "department", "embassy", "consulate", "parliament",
                               "cabinet", "presidency", "council", "commission", "authority", "office"})
# Words that head a public body named "X [Place]": "Police Scotland", "Public Health Ontario".
_BODY_HEADS = frozenset({"police", "transport", "health", "management", "resources", "water", "services",
                         "parks", "highways", "railways", "tourism", "environment"})
# Words after a name that make it a natural feature's, when the gazetteer has it so: "the Ohio river".
_FEATURE_WORDS = frozenset({"river", "lake", "mountains", "island", "valley"})
# Last words of a feature's name NER may read as a person's: "Mayon Volcano", "Manchar Lake".
_FEATURE_STARTS = frozenset({"mount", "mt.", "lake", "cape", "lough", "loch"})
_FEATURE_ENDS = frozenset({"lake", "river", "volcano", "mountains", "hills", "island", "islands", "valley",
                           "reservoir", "park", "forest", "refuge", "preserve", "creek", "bay", "canyon", "gorge",
                           "head", "causeway"})  # "Malin Head", "the Giant's Causeway"
# Last words that make a name a natural feature's whether or not the gazetteer knows it.
_NATURAL_ENDS = frozenset({"lake", "lakes", "river", "mountains", "hills", "valley", "reservoir", "creek", "canyon",
                           "gorge", "pond", "marsh", "swamp", "falls", "bay", "island", "islands"})
_PARK_ENDS = frozenset({"park", "forest", "refuge", "preserve", "reserve"})  # after one of _PARK_KINDS
_PARK_KINDS = frozenset({"state", "national", "provincial", "wildlife", "nature", "game"})
_AREA_KINDS = frozenset({"management", "recreation", "conservation", "wilderness"})  # "... Wildlife Management Area"
_BARE_FEATURES = frozenset({"bridge", "sea", "bay", "ocean", "creek", "harbour", "harbor", "mountain", "hill"})
_KIND_WORDS_ALONE = ADMIN_WORDS | _FEATURE_WORDS | _BARE_FEATURES  # "River levels at 10am" names no river
# Last words of a school's or hospital's name: "Valley City State University".
_SCHOOLS = frozenset({"university", "college", "school", "academy", "hospital", "seminary", "polytechnic"})
# Adverbs of direction NER takes for a place at a sentence's start: "Upstream, the river flooded ...".
_NOWHERE = frozenset("""upstream downstream upriver downriver upcountry inland offshore overseas abroad nationwide
    statewide countrywide worldwide stateside""".split())
# Last words of a county's name, here and in the resolver: "Bristol Bay Borough", "Vernon Parish".
COUNTY_ENDS = frozenset({"county", "parish", "borough"})
_WEEKDAYS = frozenset({"Mon", "Tue", "Tues", "Wed", "Thu", "Thur", "Thurs", "Fri", "Sat", "Sun"})
# Sites a town's name is given to: "the Da Nang airport", "Randwick Racecourse".
_TOWN_SITES = frozenset({"airport", "racecourse", "airbase", "harbour", "harbor", "port", "seaport", "exchange",
                         "bourse"})
# Words that make a body named "X County ..." the county's own: "the Lucas County Sheriff's Office".
_COUNTY_BODIES = frozenset({"district", "sheriff", "sheriff's", "sanitation", "fire", "water", "schools", "jail",
                            "transit", "clerk", "coroner", "commissioners", "elections"})
# Titles and offices after a titled kind word: "Brooklyn District Attorney", "Santa Ana City Council",
# "California State Senator" name the place without the kind word.
_OFFICES = frozenset({"attorney", "judge", "senator", "representative", "assembly", "legislature", "council",
                      "hall", "court", "department", "university", "college", "school", "police", "government",
                      "governor", "board", "prison", "fair", "park", "library", "museum", "hospital", "line",
                      "commission", "commissioners", "manager", "clerk", "schools"})
_METROPOLIS = 1_000_000
_BODY_REGION = 10_000  # a first-level region with a public body named after it holds this many people
_SPEECH = frozenset({"said", "says", "told", "added", "noted", "explained", "argued", "stated", "wrote"})
# Prepositions after which a name the gazetteer knows is a place, whatever NER says: "around Chasiv Yar".
_NEAR_WORDS = frozenset({"near", "around", "outside", "towards", "toward"})
_WHERE_WORDS = _NEAR_WORDS | {"in", "inside", "across", "throughout"}
# Words after which a small town of a region the article names is taken as a place, and how small.
_LOCAL_WORDS = _WHERE_WORDS | {"from", "at", "between", "through", "via", "above", "below", "beyond"}
_LOCAL_TOWN = 1000
# Words before a town the story has placed that make it the town again.
_AGAIN_WORDS = _WHERE_WORDS | {"from", "between", "at"}
_TOWN_OF_ITS_COUNTRY = 10_000  # a town this big after "in" is a place where the story names its country
_TOWN_OF_A_KIND_WORD = 10_000  # "Canton", Ohio; no town of "Valley" or "Rayon" this big
_ANCHOR_KM = 100
_SPELLING_RATIO = 85  # rapidfuzz ratio of an alias to its name above which it is a spelling of it
_SPELLING_LENGTH = 6  # letters an alias needs for its likeness to say anything
_TOWNS_APART_KM = 200  # towns a story lists together lie within a day's drive of each other
_PARTNER_KM = 150  # "Westport-Belmullet": the towns a hyphen joins lie this near each other
# Words after which "to" heads for a place: "travels to Kaufman", "roads to Borongan" (surface forms:
# the pipeline has no lemmatizer).
_TO_A_PLACE = frozenset("""travel travels traveled travelled traveling travelling drive drives drove driven driving
    go goes went going head heads headed heading move moves moved moving return returns returned returning
    come comes came coming
    fly flies flew flown flying commute commutes commuted evacuated evacuate fled flee transferred
    airlifted rushed taken took brought sent road roads route routes flight flights train trains bus buses
    ferry ferries trip trips journey highway way trail trails traffic tourism""".split())
# Words of a game between two towns' teams: "Malakoff beat Eustace 42-10", "a win over Kaufman".
_CONTESTS = frozenset("""beat beats defeated edged topped downed swept tied blanked routed outlasted hosts hosted
    visits visited past over vs vs. versus plays faces facing meets meeting""".split())
# Games whose rival "against" names: "a home playoff game next Saturday against Meeteetse".
_GAMES = frozenset("""game games playoff playoffs match matchup opener rematch scrimmage meet contest""".split())
# Plural kind words that end a list of their kind, and the word each name takes in the gazetteer.
_LISTED_KINDS = {"rivers": "River", "counties": "County", "parishes": "Parish"}
_LISTED_PLURALS = frozenset(_LISTED_KINDS)
# Words of a river's course before "the" or after its name: "along the James", "the Ruo meets".
_ALONG = frozenset("along across crossed cross crossing beside joins meets feed feeds form forms".split())
_COURSE_VERBS = frozenset("""flows flowed flow flowing meets met joins joined rose rises rising burst crested crests
    crest peak peaked peaks reaches reached flooded floods receded recedes breached breaches runs feeds swelled
    spilled overflowed drains empties forms""".split())
# Words of a sentence about a river's water: "the Shoshone is iced over below the Lovell bridge".
_WATER_TALK = frozenset("""ice iced frozen jam fishing flood floods flooded flooding cubic bridge bridges banks crest
    dam reservoir upstream downstream tributary boat boats""".split())
_RIVER_PARTS = frozenset("bank banks mouth basin waters course source delta".split())  # "the banks of the X"
# Words beside a game's score: "won 54-41", "a 50-42 win".
_WINS = frozenset("""won lost win wins winner winners loss losses victory defeat decision triumph rout led leads
    trailed trails""".split())
# Words of a reach between "as far" and "as": "as far away as Valentine", "as far north as Nome".
# Words of going on before "to": "up to Nephi on the interstate", "go on to Madison".
_ONWARD = frozenset({"up", "down", "over", "on", "out"})
# Words of setting out after which "for" heads for a place: "bound for Alexandria", "left Kyiv for Lviv".
_SETTING_OUT = frozenset("""bound headed heading head heads leave leaves left leaving depart departs departed
    departing sail sails sailed sailing""".split())
_REACHES = frozenset({"away", "afield", "north", "south", "east", "west", "inland", "upstream", "downstream"})
# Words between a list word and the next place: "Jackson and nearby Clinton and Pearl".
_NEARBY = frozenset({"nearby", "neighboring", "neighbouring", "adjacent", "suburban"})
# Bodies of the sky that towns are named after: a place only with its state after a comma.
_SKY = frozenset({"earth", "moon", "mars", "venus", "jupiter", "saturn", "mercury", "sun"})
# What an appositive says a name is: "Kaycee, a ranching town of about 260 people".
_SETTLEMENTS = frozenset({"town", "village", "city", "hamlet", "community", "settlement", "township",
                          "borough", "suburb", "municipality", "county", "district", "province", "island"})
_SEATS = _SETTLEMENTS | {"seat", "capital"}  # "Mullen, the seat of Hooker County", "Popayán, the departmental capital"
# Words that say the names after them are settlements, known to the gazetteer or not: "the village of
# Kampungu", "a town called Låsby", "four villages: Kampungu, Makonono and Mombo".
_NAMED_SETTLEMENTS = frozenset({"town", "towns", "village", "villages", "hamlet", "hamlets", "township",
                                "townships", "community", "communities", "settlement", "settlements", "barangay",
                                "barangays", "district", "districts", "province", "provinces", "county", "counties",
                                "region", "regions", "municipality", "municipalities", "regency", "regencies",
                                "ports"})
_PLURAL_SETTLEMENTS = frozenset({"towns", "villages", "hamlets", "communities", "settlements", "townships"})
_NAMING = frozenset({"of", "called", "named", ":", "like", "including"})
# Kind words written before a settlement's name, capitalised: "Barangay Magliman", "Brgy. Dolores".
_TITLED_SETTLEMENTS = frozenset({"Barangay", "Brgy.", "Brgy"})
_SETTLEMENT_WORDS = _NAMED_SETTLEMENTS | {w.lower() for w in _TITLED_SETTLEMENTS}
# Small words inside a settlement's name: "Ceamurlia de Jos", "Mukuru kwa Njenga".
_NAME_PARTICLES = frozenset("de del della di da do la le les el al kwa van von".split())
# Words of the calendar NER rightly reads as dates: "in May" is no town.
_CALENDAR = frozenset("""january february march april may june july august september october november december
    monday tuesday wednesday thursday friday saturday sunday spring summer autumn fall winter christmas easter
    ramadan eid diwali hanukkah thanksgiving""".split())
# People local news names by their town: "a Hartselle man", "a Priceville woman".
_DWELLERS = frozenset({"resident", "residents", "native", "natives"})
# Breeds of farm animals named after places, before an animal's word.
_BREEDS = frozenset("""Jersey Guernsey Hereford Angus Holstein Charolais Simmental Limousin Brahman Hampshire Yorkshire
    Suffolk Dorset Berkshire Durham Ayrshire Galloway Devon Dexter Highland Boer Nubian Alpine Texel Chester
    Tamworth Cheviot Oxford Shropshire Lincoln Montbeliarde Normande""".split())
_LIVESTOCK = frozenset("""cow cows heifer heifers bull bulls steer steers calf calves cattle herd pig pigs hog hogs
    gilt gilts barrow barrows sow sows boar ewe ewes ram rams lamb lambs sheep goat goats doe does wether""".split())
_PLAYER_ROLES = frozenset("""junior senior sophomore freshman guard forward pitcher catcher goalkeeper quarterback
    striker midfielder defender""".split())
_KIN_SINGULARS = frozenset("""wife husband mother father son daughter brother sister grandson granddaughter
    grandmother grandfather stepson stepdaughter stepmother stepfather fiance fiancé fiancee fiancée""".split())
_KIN_PLURALS = frozenset("""children grandchildren sons daughters grandsons granddaughters brothers sisters siblings
    nieces nephews survivors""".split())
# Words after a road's number that say where it runs: "Montana 278 over Big Hole Pass".
_ALONG_A_ROAD = frozenset({"over", "between", "near", "through", "north", "south", "east", "west"})
_ON_A_ROAD = frozenset({"on", "along", "off", "onto", "via"})  # "stuck on Minnesota 40"
_ONCE = frozenset({"formerly", "originally", "late"})  # "of Algoma, formerly of Forestville"
_KIN = frozenset({"family", "families", "household"})  # "the Miller family of Harwinton"
_SIBLINGS = frozenset({"brothers", "sisters", "twins"})  # "the Hampton brothers"
_PLAYS_FOR = frozenset({"plays", "played", "playing", "signed", "signs"})  # "who plays for Liverpool": a club
_PLAYERS = frozenset({"coach", "quarterback", "senior", "junior", "sophomore", "freshman", "goalkeeper"})
# Titles of a town's officers, between the town and the officer's name: "Kettering Mayor Peggy Lehner".
_TOWN_TITLES = frozenset({"mayor", "reeve", "alderman", "councilman", "councilwoman", "councillor", "selectman",
                          "selectwoman",
                          # ... and the roles of its school's team: "Laurel coach Ed Manlove", "Seaford junior
                          # Kevin Ross".
                          *_PLAYERS})
# A town's heads and parts: "the mayor of Aguaviva", "the regent of Sigi", "the trading centre of Makhanga",
# "the outskirts of Bangula".
_OF_A_TOWN = frozenset({"mayor", "mayors", "reeve", "alcalde", "intendente", "regent", "governor", "centre", "center",
                        "outskirts", "suburbs", "government", "council", "board"})
# People who come from a town, not a person: "crews from Dalby", "volunteers from Tara".
_GROUPS = _DWELLERS | frozenset("""crews teams volunteers firefighters officers police troops soldiers families people
    farmers students pilgrims visitors workers officials delegates""".split())
_PEOPLE = _GROUPS | frozenset("""refugees migrants villagers patients cases deaths children civilians voters doctors
    nurses traders authorities""".split())
_TOWNSFOLK = _DWELLERS | frozenset({"man", "woman", "boy", "girl", "teen", "teenager",
                        "mother", "father", "farmer", "toddler", "child", "couple", "pensioner", "retiree"})
# A town's own services, named after it in lower case: "Dalby police said".
_TOWN_SERVICES = frozenset({"police", "council", "councillors", "firefighters", "commissioners", "supervisors",
                            "trustees", "selectmen", "aldermen", "volunteers", "households", "customers"})
# Businesses and buildings a town's name may qualify after "a": "a Beckley engineering firm", "an Aylmer
# church"; a town of 1,000 or more near the story's towns, as for a service.
_ESTABLISHMENTS = frozenset("""firm company contractor business dealer dealership bank store shop restaurant farm
    plant mill factory hospital clinic church school arena""".split())
# What a firm an organisation's name may be makes and runs: "the Toyota assembly plant" is the carmaker's.
_WARES = frozenset("""assembly plant plants factory factories dealership dealerships vehicles cars trucks sedan
    sedans pickups models shares stock executives motor motors phones handsets chips brand""".split())
_TOWN_NOUNS = _TOWNSFOLK | _TOWN_SERVICES | _ESTABLISHMENTS
# Words before "from" that make what follows a town: its people ("crews from Dalby", "a man from Ladd") or
# a trip's start ("drove in from Rawlins").
_FROM_A_TOWN = _GROUPS | _TOWNSFOLK | _TO_A_PLACE | frozenset("""rancher ranchers herder herders trader trucker
    truckers driver drivers fisherman fishermen teacher teachers miner miners""".split())
_BE = frozenset({"is", "are", "was", "were"})  # "my husband's family is from Cutler": a home
# A town's own places, named after it in lower case: "the Munising food pantry", "the Wheatland area".
TOWN_PLACES = frozenset({"school", "schools", "church", "pantry", "library", "building", "hospital", "clinic",
                          "interchange", "exit", "fairgrounds", "cemetery", "area", "post", "office", "store",
                          "station", "ferry", "gauge", "bridge", "end", "line", "depot", "mill", "plant", "center",
                          "centre", "gin", "department", "museum", "pool", "gym", "airport", "jail", "courthouse",
                          "hall", "market", "harbor", "harbour", "wharf", "road", "route", "side", "barracks",
                          "board", "company", "service", "cooperative", "voters", "factory"})
# The same, several towns' at once: "the Rehobeth and Taylor exits", "Moorhead and Crookston factories".
_TOWN_PLACES_PLURAL = frozenset({"schools", "churches", "libraries", "hospitals", "clinics", "exits", "stations",
                                 "offices", "stores", "mills", "plants", "factories", "departments", "depots",
                                 "cemeteries", "councils", "boards", "interchanges", "bridges"})
# A town's own bodies named after it, capitalised: "the Goshen Volunteer Fire Department".
_TOWN_BODY_HEADS = frozenset({"department", "library", "district", "squad"})
_TOWN_BODY_WORDS = _TOWN_BODY_HEADS | frozenset({"volunteer", "fire", "police", "rescue", "ambulance", "area",
                                                 "health", "public", "emergency", "chief"})
# NER labels that may hide a country, region or big city.
_MISREAD = frozenset({"ORG", "NORP", "EVENT", "PRODUCT", "WORK_OF_ART", "LAW"})
# NER labels that a list of places may override ("villages of Maliuc and Caraorman" read as people).
# Labels NER gives places by mistake ("between [Gundagai and Narrandera]" as a WORK_OF_ART).
_OVERRIDABLE = frozenset({"PERSON", "ORG", "NORP", "PRODUCT", "WORK_OF_ART", "EVENT", "FAC", "LANGUAGE"})
_LIST_WORDS = frozenset({",", "and", "or", ";"})
_SPLITS = frozenset({",", "and", "or", ";", "-", "–", "—", "/"})  # what divides places NER took for one
_DATELINE_MARKS = frozenset({",", "(", "-", "—", "–", ":"})
_CAPS_ABBREVIATIONS = frozenset({"ST", "STE", "MT", "FT", "PT"})  # "ST. JOHN'S", "MT. VERNON"
# Compass words name a place only with a kind word after them ("Western Province", not "Western Blot").
_COMPASS = frozenset({"central", "western", "eastern", "northern", "southern", "north", "south", "east", "west",
                      "northeast", "northwest", "southeast", "southwest", "north eastern", "north western",
                      "south eastern", "south western"})
# Kinds a bare proper noun may be taken as a place on the gazetteer's word alone.
_SAFE_KINDS = frozenset({"country", "continent", "macroregion", "region"})


def _ensure_extensions() -> None:
    for name in ("kind_hint", "candidates", "place", "confidence", "scores"):
        if not Span.has_extension(name):
            Span.set_extension(name, default=None)


class PlaceRecognizer:
    """spaCy component: NER places plus gazetteer matches for what NER missed."""

    def __init__(self, nlp: Language, name: str, gazetteer: Gazetteer, labels: list[str],
                 min_city_population: int, demonyms: frozenset[str]) -> None:
        _ensure_extensions()
        _keep_abbreviation_dots(nlp)
        self.name = name
        self.gazetteer = gazetteer
        self.labels = frozenset(labels)
        self.min_city_population = min_city_population
        self.demonyms = demonyms

    # -- span conventions --------------------------------------------------------------------
    def _trim(self, doc: Doc, start: int, end: int) -> tuple[int, int]:
        """No article, possessive or lowercase lead ("east Africa" -> "Africa"); no kind word that
        the name does not need ("Henan province" -> "Henan", but "Solomyansky district")."""
        while start < end and (doc[start].lower_ in _ARTICLES and not self._own_article(doc, start, end)
                               or doc[start].is_lower or doc[start].is_punct
                               or doc[start].is_space or start + 1 < end and _party_letter(doc, start)
                               or start + 1 < end and self._of_nation(doc[start].text, doc[start + 1:end].text)
                               and not self.gazetteer.has_name(name_key(doc[start:end].text))
                               or start + 1 < end and doc[start].pos_ == "ADP" and doc[start].is_sent_start
                               or self._kind_of(doc, start, end)):
            start += 1  # "Ted Cruz, R-Texas": the party's letter; "Indian Kashmir": Kashmir; "Across Asia"
        while end > start and (doc[end - 1].lower_ in _TRAILING or doc[end - 1].is_punct or doc[end - 1].like_num
                               or doc[end - 1].is_space or doc[end - 1].is_lower and doc[end - 1].lower_ in _COMPASS):
            if doc[end - 1].lower_ in _POSSESSIVE and self._names(
                    doc[start:end].text, (NAME, ALIAS), lambda p: "'s" in p.name or "’s" in p.name):
                break  # "St. John's", "King's Lynn": the possessive is the name's own
            end -= 1  # "Rio de Janeiro 84" (deaths), "Kyiv's", a headline's blank line, "the Nile south"
        if end - start > 1 and doc[end - 1].is_lower and not doc[end - 1].whitespace_ and end < len(doc) and (
                doc[end].text in {"-", "–"}):
            end -= 1  # "the Twin Falls park-and-ride": the lower word opens a compound, no feature's name
        office = end < len(doc) and doc[end].lower_ in _OFFICES
        if end - start > 1 and doc[end - 1].lower_ in TRIGGERS and self._is_exact_name(doc[start:end - 1].text) and (
                doc[end - 1].is_lower or office and doc[end - 2].lower_ in TRIGGERS):
            end -= 1  # "Morgan County District Attorney": the county, not a district
        last = doc[end - 1].lower_
        if end - start > 1 and doc[end - 1].is_lower and last.endswith("s") and last in TRIGGERS and (
                not self.gazetteer.has_name(name_key(doc[start:end].text))):
            end -= 1  # "Teknaf and [Ukhia upazilas]": a plural kind word is the list's, no one name's
        if end - start == 1 and self._kind_of(doc, start, end):
            start = end
        return start, end

    def _kind_of(self, doc: Doc, start: int, end: int) -> bool:
        """A kind word that heads no name of its own: "the Town of Woodruff" is Woodruff (not the City
        of London), and "Town" or "County" alone, where NER stops "the Town of [Lake Tomahawk]" short,
        is no place."""
        if doc[start].lower_ not in TRIGGERS:
            return False
        return end - start == 1 or end - start > 2 and doc[start + 1].lower_ == "of" and not self.gazetteer.has_name(
            name_key(doc[start:end].text))

    def _own_article(self, doc: Doc, start: int, end: int) -> bool:
        """"The Dalles", "The Pas": a capital "The" inside a sentence that the town's name holds."""
        return doc[start].text == "The" and not doc[start].is_sent_start and self._names(
            doc[start:end].text, (NAME,), lambda p: p.kind in ("city", "district"))

    def _is_exact_name(self, text: str) -> bool:
        """Known as written, not just as the stem of "X district" ("Solomianskyi").

        Slavic adjectival forms ("Solom'yanskyi", "Podilsky") need their kind word to be a name.
        """
        key = name_key(text)
        if _ADJECTIVAL.search(key):
            return False
        return any(how != SHORT for _, how in self.gazetteer.name_rows(key))

    def _with_trigger(self, doc: Doc, start: int, end: int) -> tuple[int, str | None]:
        """Extend over a following kind word when the name needs it; return the kind it implies."""
        if end < len(doc):
            word = doc[end].lower_
            # "the Baltic states" is a name; "the Tapajós river" is the Tapajós, its kind word in lower
            # case no part of the name (the resolver reads it as the river's).
            if (word in _FEATURE_WORDS and not doc[end].is_lower or word in TRIGGERS and word.endswith("s")) and (
                    self.gazetteer.has_name(name_key(doc[start:end + 1].text))):
                return end + 1, None
            kind = TRIGGERS.get(word)
            before = doc[start - 1].lower_ if start > 0 else ""
            if kind == "city" and doc[end].is_lower and (before in {"a", "an", "this", "that", "the"} or (
                    before.endswith("ern"))) and self._big_area(doc[start:end].text, False):
                return end, None  # "this southwestern Ontario city", "a Texas town": a town in the region
            if kind:
                # "Marion County Sheriff"; but "the Maine State Fire Marshal" is Maine's: no state is so called.
                office = end + 1 < len(doc) and (doc[end + 1].lower_ in _OFFICES or word == "state" and (
                    doc[end + 1].text[:1].isupper()))
                plural = word.endswith("s") and doc[end].is_lower  # "Teknaf and Ukhia upazilas": the list's
                if (doc[end].is_title and not office) or not (plural or self._is_exact_name(doc[start:end].text)):
                    return end + 1, kind
                listed = start > 0 and doc[start - 1].lower_ in _LIST_WORDS
                # A plural is a list's kind ("Teknaf and Ukhia upazilas"), not a lone name's: "southwest
                # Wisconsin villages" are villages in Wisconsin.
                return end, kind if listed or not plural else None
        return end, None

    def _preceding_hint(self, doc: Doc, start: int, end: int | None = None) -> str | None:
        """"the city of X", "regions of X and Y": a kind word before the name, through a list;
        "neighbouring Niger" is a country, not the Nigerian state.

        A comma is crossed only inside a list ("cities of A, B and C"), not in "the city of Van, Turkey".
        """
        if start >= 1 and doc[start - 1].lower_ in {"neighbouring", "neighboring"}:
            name = doc[start:end if end is not None else start + 1].text
            for kind in ("country", "region"):  # "neighbouring Murcia" is the region, there being no such country
                if self._names(name, (NAME, ALIAS, ABBREV), lambda p, k=kind: p.kind == k):
                    return kind
        nxt = doc[end].text if end is not None and end < len(doc) else ""
        glue = {",", "and", "or"} if nxt in {",", "and", "or"} else {"and", "or"}
        i = start - 1
        while i >= 1 and (doc[i].text in glue or doc[i].ent_type_ in {"GPE", "LOC"} or doc[i].pos_ == "PROPN"):
            i -= 1
        if i >= 1 and doc[i].lower_ == "of":
            # "the city of X", but not "the Solomyansky district of X": there the word is Solomyansky's.
            # "the Swiss canton of X" and "the US state of X" are X's, though: a nationality word or a
            # country owns no kind word.
            owner = doc[i - 2] if i >= 2 else None
            if owner is not None and owner.ent_type_ != "NORP" and (
                    owner.pos_ == "PROPN" or owner.ent_type_
                    or owner.text[:1].isupper() and owner.lower_ not in _ARTICLES) and (
                    not self._names(owner.text, (NAME, ALIAS, ABBREV), lambda p: p.kind == "country")):
                return None
            return TRIGGERS.get(doc[i - 1].lower_)
        return None

    def kind_hint(self, doc: Doc, start: int, end: int) -> str | None:
        """The kind a given span's words or context imply (used when spans come from outside)."""
        # A plural kind word ends no one place's name as its kind: "United States" is no region.
        last = doc[end - 1].lower_
        inner = TRIGGERS.get(last) if end - start > 1 and not last.endswith("s") else None
        return inner or self._with_trigger(doc, start, end)[1] or self._preceding_hint(doc, start, end) or (
            "country" if _national_office_follows(doc, end) else None)

    def _place_in_disguise(self, doc: Doc, ent: Span, person_words: set[str],
                           named_countries: Callable[[], set[str]]) -> bool:
        """A "PERSON" (or a product, an event...) that is a place: "the regions of Odesa and Kherson"."""
        kind_word = ent.end < len(doc) and doc[ent.end].lower_ in TRIGGERS
        if kind_word and ent.label_ in _MISREAD and doc[ent.end].is_lower and len(ent) <= 3 and (
                self.gazetteer.has_name(name_key(ent.text))):
            return True  # "the Kursk region" (read as the submarine, a PRODUCT)
        if ent.label_ == "PERSON" and 1 < len(ent) <= 4 and doc[ent.end - 1].is_lower and (
                doc[ent.end - 1].lower_ in TRIGGERS and self.gazetteer.has_name(name_key(ent[:-1].text))):
            return True  # "Cambodia's [Prey Veng province]" read as a person, kind word and all
        if ent.label_ == "PERSON" and len(ent) > 2 and ent[-1].text == "City" and self._names(
                ent.text, (NAME,), lambda p: p.kind == "city"):
            return True  # "flew on to [Ho Chi Minh City]"; not "Ho Chi Minh", the man
        if ent.label_ != "PERSON" or len(ent) > 2:
            return False
        if kind_word:
            return True  # "Solomianskyi district"
        listed = ent.start >= 2 and doc[ent.start - 1].text in {"and", "or", ","} and (
            doc[ent.start - 2].ent_type_ in self.labels)
        if listed or self._preceding_hint(doc, ent.start, ent.end):
            return self._acceptable(ent.text, None, ent.text.isupper())
        # A lone "Kherson" or "Wad Madani" tagged PERSON is the city, unless the article names a person so
        # or it qualifies a noun like a brand ("Brent crude", "Nokia shares").
        if ent.text not in person_words and not _qualifies_a_noun(doc, ent.end):
            if self._acceptable(ent.text, None, ent.text.isupper(), self.min_city_population * 5) and (
                    len(ent) == 1 or self._place_of_two_words(ent)):
                return True
            # Smaller, a town of a country the article names, where it does not speak: "in eastern Congo ... Goma".
            named = named_countries()
            return not (ent.end < len(doc) and doc[ent.end].lower_ in _SPEECH) and self._names(
                ent.text, (NAME,), lambda p: p.kind == "city" and p.country in named
                and p.population >= self.min_city_population)
        return False

    def _named_countries(self, doc: Doc) -> set[str]:
        """The countries NER finds named in the article."""
        return {p.country for e in doc.ents if e.label_ == "GPE"
                for p in self._places(doc[slice(*self._trim(doc, e.start, e.end))].text, (NAME, ALIAS, ABBREV))
                if p.kind == "country" and p.country}

    def _town_after_where_word(self, doc: Doc, ent: Span, anchors: Callable[[], list[tuple[float, float]]],
                               countries: Callable[[], set[str]]) -> bool:
        """"Fighting continued around [Chasiv Yar]" (read as a person): a town the gazetteer knows,
        after a preposition of place, unless the article names a person so or it owns something.
        Near a town the story surely names (`anchors`), any town after any word of place: "officials
        in [Dogubayazit]" (an organisation to NER) in a story about Van; so is a town of some size
        in a country it names, where people are in it ("refugees in [Kakuma]" in a story about Kenya)."""
        # "councillors from the [Buckie] area": the word of place before "the".
        area = ent.start >= 2 and doc[ent.start - 1].lower_ == "the" and ent.end < len(doc) and (
            doc[ent.end].lower_ == "area")
        where = _local_word(doc, ent.start - area) if ent.start else ""
        # An organisation only after a word of nearness and heading nothing: "advanced towards Sake" is
        # the town; "invested in Nokia", "outside Google offices" the firms.
        after = doc[ent.end] if ent.end < len(doc) and not area else None
        firm = after is not None and after.pos_ in ("NOUN", "PROPN")
        # A name the tagger has never seen can even come out a date: "speaking in [Popayán]"; not "in May".
        odd_date = _odd_date(ent)
        # A name the tagger has never seen may come out a people: "families spent the night in [Lebu]".
        person = ent.label_ == "PERSON" or ent.label_ == "NORP" and not firm and name_key(ent.text) not in self.demonyms
        strict = (person or odd_date) and where in _WHERE_WORDS or ent.label_ == "ORG" and (
            where in _NEAR_WORDS and not firm)
        # "Voters heard from Clinton", "a letter from Warren": a person's word, unless people or a trip
        # come from the name.
        local = (person or ent.label_ == "ORG") and where in _LOCAL_WORDS and not firm and not (
            ent.label_ == "PERSON" and where == "from" and not _from_a_town(doc, ent.start))
        # People are in a town; shares and jobs are in a firm ("investors in Nokia").
        people = ent.start > 1 and doc[ent.start - 2].lower_ in _PEOPLE
        if not (strict or local):
            return False
        if ent.end < len(doc) and doc[ent.end].lower_ in _POSSESSIVE:
            return False
        ent = _without_spaces(ent)
        words = {t.text for t in ent}
        # "Brooke Dayton ... in Dayton"; the same name read as a person twice is no one's, but ", where"
        # or ", in" a place after it, or its residents before it, make it a place whoever bears it ("Jim
        # Pickering ... the one at Pickering, where", "a carrier from McKenzie, in neighboring Carroll
        # County", "residents of Glouster").
        dwellers = ent.start > 1 and doc[ent.start - 1].lower_ == "of" and doc[ent.start - 2].lower_ in _DWELLERS
        # ... and so does a person's name before "of", as obituaries list survivors: "Evelyn Baker of [Troy]"
        # beside "Troy Dean Jackson".
        dwellers = dwellers or _home_of_a_person(doc, ent.start)
        # A "person" whose whole name is a town's is that town misread: "Estreito da Calheta" holds no
        # one's name for "in Calheta".
        if not (dwellers or _where_follows(doc, ent.end) or _container_follows(doc, ent.end)) and any(
                e.label_ == "PERSON" and e.start != ent.start and e.text != ent.text and words & {t.text for t in e}
                and not self._names(e.text, (NAME,), lambda p: p.kind in ("city", "district"))
                for e in map(_without_spaces, doc.ents)):
            return False
        least = 0 if len(ent) > 1 else 5000  # one word is more often a first name: "trusted in Jesus"
        hows = (NAME, ALIAS) if ent.label_ == "PERSON" else (NAME,)  # aliases hold brand jokes ("Google": Topeka)
        if strict and self._names(ent.text, hows, lambda p: p.kind in ("city", "district", "region", "country")
                                  and p.population >= least):
            return True
        # A town that an appositive places is one, wherever the story is: "from McKenzie, in Carroll County".
        placed = _container_follows(doc, ent.end)
        return local and self._names(ent.text, (NAME,), lambda p: p.kind in ("city", "district") and (
            placed and p.population >= _LOCAL_TOWN or _near_any(p, anchors())
            or people and p.population >= _TOWN_OF_ITS_COUNTRY and p.country in countries()))

    def _town_by_its_whole_name(self, ent: Span, regions: Callable[[], set[int]],
                                anchors: Callable[[], list[tuple[float, float]]]) -> bool:
        """"A [Washington Court House] woman" in an Ohio story (an organisation to NER): a name of two
        words or more that is the whole of a town of a region the story names or near its towns, not a
        body named after the place it opens with. "A White House spokesman" is no Tennessee town's."""
        ent = _without_spaces(ent)
        return ent.label_ == "ORG" and len(ent) > 1 and self._is_exact_name(ent.text) and (
            self._local_town(ent.text, regions(), anchors, True))

    def _town_of_its_mayor(self, doc: Doc, ent: Span) -> bool:
        """"[Kettering] Mayor Peggy Lehner", "[Aparri] Mayor Lito Ramos", "[Laurel] coach Ed Manlove" (a
        firm or a person to NER): a town the gazetteer knows, named before its officer's title and name."""
        end = ent.end
        return ent.label_ in _OVERRIDABLE and end + 1 < len(doc) and doc[end].lower_ in _TOWN_TITLES and (
            doc[end + 1].ent_type_ == "PERSON") and self._names(
                ent.text, (NAME,), lambda p: p.kind in ("city", "district"))

    def _feature_by_its_word(self, ent: Span) -> bool:
        """"[Mount Merapi], which looms over Yogyakarta", "kept watch on [Mayon Volcano]" (a person to
        NER): a name that opens or ends with a feature's word and that the gazetteer holds whole."""
        name = ent[1:] if ent[0].lower_ == "the" else ent  # "the Arctic National Wildlife Refuge" (an ORG)
        return ent.label_ in _OVERRIDABLE and len(name) > 1 and (
            name[0].lower_ in _FEATURE_STARTS or name[-1].lower_ in _FEATURE_ENDS) and (
            self.gazetteer.has_name(name_key(name.text)))

    def _river_by_its_course(self, doc: Doc, ent: Span) -> bool:
        """"along the [James]", "where the [Ruo] meets the Shire", "the [Pilcomayo], which flows from
        the Andes", "the [Logone] river rose" (a person or a firm to NER): a river the gazetteer holds,
        after "the" and beside a word of a river's course; "the Amazon website" stays the firm."""
        k = ent.start - 1
        if ent.label_ not in _OVERRIDABLE or len(ent) > 3 or k < 0 or doc[k].lower_ != "the":
            return False
        before = doc[k - 1].lower_ if k else ""
        after = doc[ent.end].lower_ if ent.end < len(doc) else ""
        which = after == "," and ent.end + 2 < len(doc) and doc[ent.end + 1].lower_ == "which" and (
            doc[ent.end + 2].lower_ in _COURSE_VERBS)
        course = before in _ALONG or before == "of" and k >= 2 and doc[k - 2].lower_ in _RIVER_PARTS or (
            which or _course_verb_follows(doc, ent.end)) or ent.end < len(doc) and doc[ent.end].text == "river" or (
            # ... or in a sentence about water: "The Yellowstone is still frozen solid", "on the Neosho".
            _talks_of_water(ent) and not _qualifies_a_noun(doc, ent.end))
        if not course and before in ("and", "or"):  # "along the Tapajós and the [Amazon]": another river's pair
            j = k - 2
            while j > 0 and k - 2 - j < 3 and doc[j - 1].text[:1].isupper():
                j -= 1
            course = j < k - 1 and doc[j].text[:1].isupper() and self._river_after_the(doc, j, k - 1)
        # "the [Arpa] river": the word says river, whether or not the gazetteer holds one of the name.
        named_river = ent.end < len(doc) and doc[ent.end].text in ("river", "rivers") and ent[0].text[:1].isupper()
        return named_river or course and self._river_after_the(doc, ent.start, ent.end)

    def _feature_word_follows(self, doc: Doc, ent: Span) -> bool:
        """"The [North Canadian] River", "the [Russian] River" (a people to NER): a name and the feature
        word after it that the gazetteer holds together."""
        end = ent.end
        return ent.label_ in _OVERRIDABLE and end < len(doc) and doc[end].is_title and (
            doc[end].lower_ in _FEATURE_ENDS | _BARE_FEATURES) and self.gazetteer.has_name(
            name_key(doc[ent.start + (ent[0].lower_ == "the"):end + 1].text))

    def _site_by_its_word(self, doc: Doc, ent: Span) -> bool:
        """"fled to [Kakuma] refugee camp" (a person to NER): a name the gazetteer holds as a camp or a
        crossing, followed by that word."""
        word = site_word(doc, ent.end)
        return ent.label_ in _OVERRIDABLE and word is not None and bool(
            sites_named(lambda n: self.gazetteer.candidates(n, fuzzy=False), ent.text, word))

    def _place_of_the_country_before(self, doc: Doc, ent: Span) -> bool:
        """"Kenya's overcrowded [Dadaab] camps" (read as a person): after a country's possessive and
        before a noun, a name the gazetteer knows as a place in that very country."""
        heads_a_noun = ent.end < len(doc) and doc[ent.end].pos_ == "NOUN" and doc[ent.end].is_lower
        if ent.label_ not in _OVERRIDABLE or len(ent) > 3 or not heads_a_noun:  # "Kenya's Odinga spoke": a man
            return False
        i = ent.start - 1
        while i >= 0 and ent.start - i <= 2 and doc[i].pos_ == "ADJ":
            i -= 1
        if i < 1 or doc[i].lower_ not in _POSSESSIVE or doc[i - 1].ent_type_ != "GPE":
            return False
        owner = next(e for e in doc.ents if e.start <= i - 1 < e.end)
        codes = {p.country for pid, how in self.gazetteer.name_rows(name_key(owner.text)) if how in (NAME, ALIAS)
                 and (p := self.gazetteer.get(pid)) is not None and p.kind == "country"}
        return bool(codes) and self._names(ent.text, (NAME, ALIAS), lambda p: p.kind in ("region", "district", "city")
                                           and p.country in codes)

    def _place_of_two_words(self, ent: Span) -> bool:
        """"Wad Madani", "San Jose", "Central Java": a big city's or a region's name or alias of two
        words, which no person's name is."""
        return len(ent) == 2 and self._names(ent.text, (NAME, ALIAS), lambda p: p.kind == "region" or (
            p.kind == "city" and p.population >= self.min_city_population * 5))

    def _leading_place(self, doc: Doc, ent: Span) -> tuple[int, int] | None:
        """The place a public body is named after: "the [U.S.] Centers for Disease Control",
        "[Maharashtra] Pollution Control Board", "[Seoul] City Hall"."""
        start, _ = self._trim(doc, ent.start, ent.end)
        # The body's name may run on past an "and" where NER cut it: "[The Wyoming Game and] [Fish Department]",
        # "[The Nebraska Game] and [Parks Commission]".
        stop = ent.end
        cut = ent[-1].lower_ in _AMPERSANDS or stop < len(doc) and doc[stop].lower_ in _AMPERSANDS
        while cut and stop < len(doc) and stop - ent.end < 4 and (
                doc[stop].is_title or doc[stop].lower_ in _AMPERSANDS):
            stop += 1
        public = any(t.lower_ in _INSTITUTION_WORDS for t in doc[start + 1:stop])
        # A county's own bodies: "the Orange County Sanitation District", "Lucas County Sheriff's Office".
        local = public or any(t.lower_ in _OFFICES | _COUNTY_BODIES for t in doc[start + 1:stop])
        for end in range(min(start + 3, ent.end - 1), start, -1):
            text = doc[start:end].text
            if name_key(text) in _COMPASS:
                continue
            county = end - start > 1 and doc[end - 1].lower_ in TRIGGERS and self._names(
                text, (NAME, ALIAS), lambda p: p.kind == "district")
            # A parish of a few thousand has a council, not a service: Guernsey's Forest is not the
            # Forest Service's; the Barbuda Council is Barbuda's.
            least = 0 if doc[end].lower_ in _SHIRE_BODIES | _CITY_BODIES else _BODY_REGION
            if public and (self._big_area(text, text.isupper(), least) or doc[end].lower_ in _COUNCIL_KINDS | {
                    "provincial", "state"} and self._names(
                    text, (NAME,), lambda p: p.kind == "district" and p.population >= self.min_city_population)):
                return start, end  # "the U.S. Army", "the Capiz Provincial Disaster Office"
            if local and county:
                return start, end  # "the Lucas County Sheriff's Office"
            council = doc[end].lower_ == "council" or (
                doc[end - 1].lower_ == "county" and doc[end].lower_ in _COUNTY_BODIES)
            # ... but "Kansas City Council" is Kansas City's ("Yreka City" is only an alias of Yreka).
            if local and end - start > 1 and doc[end - 1].lower_ in _COUNCIL_KINDS and council and not (
                    self._is_exact_name(text) and self._names(text, (NAME,), lambda p: True)) and self._names(
                    doc[start:end - 1].text, (NAME,), lambda p: p.kind in ("district", "city")):
                return start, end - 1  # "Lincolnshire County Council", "Wagga Wagga City Council"
            if doc[end].lower_ in _CITY_BODIES and self._big_city(text, self.min_city_population):
                return start, end
            if doc[end].lower_ in _SHIRE_BODIES and self._names(
                    text, (NAME,), lambda p: p.kind == "district" and p.population >= self.min_city_population):
                return start, end  # "Powys council", "Cumbria Police": a county's or shire's own
            if doc[ent.end - 1].lower_ in _TOWN_SITES and end == ent.end - 1 and self._names(
                    text, (NAME,), self._sizeable):
                return start, end  # "the [Da Nang] airport", "[Randwick] Racecourse"
        return None

    def _trailing_place(self, doc: Doc, ent: Span) -> tuple[int, int] | None:
        """The country or region a public body names last: "Police Scotland", "Transport Scotland",
        "Public Health Ontario", "Emergency Management Victoria"; not "Air India" (an airline)."""
        _, end = self._trim(doc, ent.start, ent.end)
        for start in range(max(ent.start + 1, end - 3), end):
            name = doc[start:end].text
            if doc[start - 1].lower_ in _BODY_HEADS and name_key(name) not in _COMPASS | _BEARING_WORDS and (
                    self._big_area(name, False)):
                return start, end
        return None

    def _government_of(self, doc: Doc, ent: Span) -> tuple[int, int] | None:
        """The country or region whose own government body this is, named after "of": "the Government
        of India", "the Health Ministry of Uganda", "the Ministry of Health of the People's Republic of
        China"; not "the University of Nairobi" or "the Bank of England"."""
        _, end = self._trim(doc, ent.start, ent.end)
        headed = False
        for k in range(ent.start, end - 1):
            headed = headed or doc[k].lower_ in _GOVERNMENT_HEADS
            if headed and doc[k].lower_ == "of":
                start = k + 2 if doc[k + 1].lower_ == "the" else k + 1
                if start < end and self._big_area(doc[start:end].text, False):
                    return start, end
        return None

    def _complete(self, doc: Doc, start: int, end: int) -> tuple[int, int]:
        """The whole name where NER cut it short ("Burkina" Faso, "Dar" es Salaam, "Port"-au-Prince,
        "Jammu" and "Kashmir", The "Dalles"), or, for a span the gazetteer does not know at all, the country it
        ends with ("SOS Children's Villages [Sudan]", "Eastern [China]")."""
        if start > 0 and self._own_article(doc, start - 1, end):
            return start - 1, end  # "from The Dalles"
        lo, hi = max(doc[start].sent.start, start - 3), min(doc[end - 1].sent.end, end + 5)
        capital = {t.i for t in doc[lo:hi] if t.text[:1].isupper()}  # the window's tokens, read once
        stops = [t.i for t in doc[lo:hi] if t.text in {",", ";", "(", ")"}]
        for new_start in range(lo, start + 1):
            for new_end in range(hi, end - 1, -1):
                if (new_start, new_end) == (start, end):
                    break
                if new_start not in capital or new_end - 1 not in capital or any(
                        new_start <= k < new_end for k in stops):
                    continue
                if self._names(doc[new_start:new_end].text, (NAME, ALIAS), self._sizeable):
                    return new_start, new_end
        if end - start > 1 and not self.gazetteer.has_name(name_key(doc[start:end].text)):
            for new_start in range(start + 1, end):
                if doc[new_start - 1].lower_ in _JOINERS | _LIST_WORDS:
                    break  # "Republic of Congo", "Central and South America": one name, or a list
                if doc[new_start].text[:1].isupper() and self._names(
                        doc[new_start:end].text, (NAME,), lambda p: p.kind == "country"):
                    return new_start, end
        return start, end

    def _parts(self, doc: Doc, start: int, end: int) -> list[tuple[int, int]]:
        """The places an unknown name joins, each known: hyphenated ("Gaza-Egypt", "U.S.-Mexico";
        a part word is no place of its own: "Mid-Jutland" is Jutland), listed in one entity ("the
        Dominican Republic or Jamaica", "Central Africa - Nigeria"), or a place and the country
        it is in ("the Gold Coast of Australia")."""
        if end - start < 3 or self.gazetteer.has_name(name_key(doc[start:end].text)):
            return []
        cuts, heads = [], []
        for i in range(start + 1, end - 1):
            word = doc[i].lower_
            glued = not doc[i - 1].whitespace_ and not doc[i].whitespace_
            if doc[i].text in {"-", "/"} and glued or word in _SPLITS and not glued:
                cuts.append((i, i + 1))
            elif word == "of":
                cuts.append((i, i + 2 if doc[i + 1].lower_ == "the" else i + 1))
                heads.append(len(cuts))  # the part after "of" holds the one before it
        bounds = list(zip([start] + [c for _, c in cuts], [c for c, _ in cuts] + [end]))
        names = [(a, b) for a, b in bounds if name_key(doc[a:b].text) not in PART_WORDS]
        if not cuts or not names or any(a >= b for a, b in bounds) or not all(
                self._acceptable(doc[a:b].text, None, doc[a:b].text.isupper()) for a, b in names) or any(
                not self._lies_in(doc[bounds[k - 1][0]:bounds[k - 1][1]].text, doc[bounds[k][0]:bounds[k][1]].text)
                for k in heads):
            return []
        return names

    def _town_of_the_container_after(self, doc: Doc, ent: Span) -> bool:
        """"[Clinton], in Huron County, reported 58 cm" (a person to NER, and one of the story's): a
        name set off before ", in" and a county or region that holds a town of that name."""
        k = _container_at(doc, ent.end)
        if ent.label_ not in _OVERRIDABLE or len(ent) > 3 or k is None:
            return False
        outer = next((e for e in doc.ents if e.start == k), None)
        if outer is None:
            return False
        holders = {p.id for p in self._places(outer.text, (NAME, ALIAS, ABBREV)) if p.kind in ("region", "district")}
        return self._names(ent.text, (NAME,), lambda p: p.kind == "city" and bool(holders & {p.admin1, p.admin2}))

    def _towns_run_together(self, doc: Doc, ent: Span) -> list[tuple[int, int]]:
        """"hospitals in [Durant, Idabel] and McAlester", "crews from [Keyser and Elkins]", "from [Cut Bank
        to Havre]": towns NER ran into one organisation or person, after a word of place, each a town the
        gazetteer knows and all within a day's drive of one another."""
        if ent.label_ not in ("ORG", "PERSON") or ent.start == 0 or _local_word(doc, ent.start) not in _LOCAL_WORDS:
            return []
        cuts = [i for i in range(ent.start + 1, ent.end - 1) if doc[i].text in {",", "and", "or", "to"}]
        if not cuts:
            return []
        bounds = list(zip([ent.start] + [c + 1 for c in cuts], cuts + [ent.end]))
        towns = []
        for a, b in bounds:
            places = [p for p in self._places(doc[a:b].text, (NAME,)) if p.kind in ("city", "district")]
            if a >= b or not all(_capitalised(t) for t in doc[a:b]) or not places:
                return []
            towns.append(places)
        return bounds if _within_a_days_drive(towns) else []

    def _towns_listed_together(self, doc: Doc) -> set[tuple[int, int]]:
        """"between [Clive] and [Haumoana]", "towns such as [Villa Carlos Paz] and [Cosquín]": names
        NER took one by one for people or organisations, listed after a word of place, each a town the
        gazetteer knows, all within a day's drive of one another and none a word of anyone's name
        the story gives."""
        ents = list(map(_without_spaces, doc.ents))
        at = {e.start: e for e in ents}
        people = [e for e in ents if e.label_ == "PERSON" and len(e) > 1]
        found: set[tuple[int, int]] = set()
        for ent in ents:
            k = ent.start - 1
            such_as = k >= 1 and doc[k].lower_ == "as" and doc[k - 1].lower_ == "such"
            if ent.label_ not in _OVERRIDABLE or ent.start == 0 or (ent.start, ent.end) in found or not (
                    such_as or _local_word(doc, ent.start) in _LOCAL_WORDS):
                continue
            members = [ent]
            while True:
                k = members[-1].end
                k += k < len(doc) and doc[k].text == ","
                k += k < len(doc) and doc[k].lower_ in {"and", "or"}
                nxt = at.get(k)
                if k == members[-1].end or nxt is None or nxt.label_ not in _OVERRIDABLE:
                    break
                members.append(nxt)
            towns = []
            for m in members:
                places = [p for p in self._places(m.text, (NAME,)) if p.kind in ("city", "district")]
                words = {t.text for t in m}
                if len(m) > 4 or not places or not all(_capitalised(t) for t in m) or any(
                        e.start != m.start and words & {t.text for t in e} for e in people) or (
                        m.end < len(doc) and doc[m.end].lower_ in _POSSESSIVE):
                    break
                towns.append(places)
            if len(members) < 2 or len(towns) < len(members):
                continue
            if _within_a_days_drive(towns):
                found |= {(m.start, m.end) for m in members}
        return found

    def _lies_in(self, inner: str, outer: str) -> bool:
        """Whether a place of the first name lies in a country or region of the second: "Gold Coast"
        in "Australia", but no town called University in Arizona."""
        holders = {p.country if p.kind == "country" else p.id for p in self._places(outer, (NAME, ALIAS))
                   if p.kind in ("country", "region")}
        return self._names(inner, (NAME, ALIAS), lambda p: bool(holders & {p.country, p.admin1}))

    def _important(self, place: Place, min_population: int = 0) -> bool:
        """Big enough to be taken on its name alone: a country, region or the like, or a city of
        at least `min_population` (never under the configured minimum)."""
        return place.kind in _SAFE_KINDS or (
            place.kind == "city" and place.population >= max(min_population, self.min_city_population))

    def _sizeable(self, place: Place) -> bool:
        """Important, or a district under its own name as big as a town that would be ("Surigao del
        Norte")."""
        return self._important(place) or place.kind == "district" and place.population >= self.min_city_population

    def _places(self, text: str, hows: tuple[int, ...]) -> Iterator[Place]:
        """The places the gazetteer gives this name, matched in one of `hows`."""
        for place_id, how in self.gazetteer.name_rows(name_key(text)):
            place = self.gazetteer.get(place_id) if how in hows else None
            if place is not None:
                yield place

    def _names(self, text: str, hows: tuple[int, ...], test: Callable[[Place], bool]) -> bool:
        """Whether the gazetteer gives this name, matched in one of `hows`, to a place passing `test`."""
        return any(test(place) for place in self._places(text, hows))

    def _named_or_short(self, text: str) -> Iterator[Place]:
        """Places of this name, or of a longer one it begins ("Wainfleet" for Wainfleet All Saints); not
        those it is only another alias of."""
        key = name_key(text)
        for place_id, how in self.gazetteer.name_rows(key):
            place = self.gazetteer.get(place_id) if how in (NAME, ALIAS) else None
            if place is not None and (how == NAME or name_key(place.name).startswith(key + " ")):
                yield place

    def _names_water(self, text: str) -> bool:
        """Whether the gazetteer holds this name, or an alias of it, as a river, lake or sea."""
        return self._names(text, (NAME, ALIAS), lambda p: p.feature in ALL_WATER_FEATURES)

    def _big_city(self, text: str, min_population: int) -> bool:
        return self._names(text, (NAME,), lambda p: p.kind == "city" and p.population >= min_population)

    def _big_area(self, text: str, upper: bool, least: int = 0) -> bool:
        """A country or first-level region is what this name means first (a region of `least` people
        at least, where its population is known)."""
        hows = (NAME, ALIAS, ABBREV) if upper else (NAME, ALIAS)
        return self._names(text, hows, lambda p: p.kind == "country" or p.kind == "region" and not (
            0 < p.population < least))

    # -- gazetteer matches -------------------------------------------------------------------
    def _acceptable(self, text: str, kind_hint: str | None, upper: bool, min_population: int = 0,
                    whole: bool = True) -> bool:
        """A bare proper noun counts as a place if the gazetteer knows it as something big. A word
        that is not a name on its own (`whole` False: it opens a longer name, or a sentence) must be
        a name, not just what is left of one without its kind word."""
        key = name_key(text)
        if not key or key in self.demonyms or (key in _COMPASS and not kind_hint):
            return False
        rows = self.gazetteer.name_rows(key)
        if kind_hint:
            return bool(rows) or bool(self.gazetteer.candidates(text, limit=1))
        for place_id, how in rows:
            if how == ABBREV and not (upper and text.isascii()):
                continue  # "MË TË LEXUARAT" (Albanian: most read) holds no "ME" for Maine
            place = self.gazetteer.get(place_id)
            if place is None or how == ALIAS and place.kind == "city" and " " not in key and not _spelling_of(
                    key, place.name):
                continue  # a town's one-word aliases hold other tongues' words: "Hamas" is Hamm's; not its
                # spellings in other scripts ("Dashoguz" for Daşoguz)
            if how == SHORT and not whole and " " not in key:
                continue  # "Federal Minister", a sentence's "Federal": no Federal District
            if self._important(place, min_population) or how == NAME and place.kind == "district" and (
                    place.population >= max(min_population, self.min_city_population)):
                return True  # a district under its own name counts like a town of its size ("Esperance")
            if place.feature in SITE_CODES and " " in key and how in (NAME, ALIAS) and not min_population:
                return True  # a camp's or crossing's name of two words or more: "Kerem Shalom", "Bab al-Hawa"
        return False

    def _gazetteer_spans(self, doc: Doc, taken: list[bool], vetted: set[int]) -> list[tuple[int, int, str | None]]:
        """Names NER missed or mislabelled that the gazetteer knows; `vetted` are the starts of
        entities already judged places in disguise, which need no sentence-start bar."""
        found = []
        words = cache(lambda: _word_set(doc, ORTH))  # gathered once, and only if a first word is in question
        i, n = 0, len(doc)
        while i < n:
            tok = doc[i]
            # A name the tagger reads as an adjective still opens a place before a kind word: "the
            # Artibonite region"; not before a town's: "a Christian village" is one of Christians.
            named = tok.pos_ == "PROPN" or _capitalised(tok) and not tok.is_stop and (i + 1 < n and (
                doc[i + 1].lower_ in TRIGGERS and doc[i + 1].is_lower and not (
                    TRIGGERS[doc[i + 1].lower_] == "city" and i > 0 and doc[i - 1].lower_ in {"a", "an"})) or (
                self._river_after_the(doc, i, i + 1)))
            if taken[i] or not named or not (tok.text[:1].isupper() and (len(tok) > 1)):
                i += 1
                continue
            # The longest run of proper nouns (with joiners) starting here, tried longest first.
            j = i + 1
            while j < n and j - i < 5 and not taken[j] and (
                (doc[j].pos_ == "PROPN" and doc[j].text[:1].isupper()) or (
                    doc[j].lower_ in _JOINERS and j + 1 < n and doc[j + 1].text[:1].isupper()) or (
                    doc[j].text == "-" and not doc[j - 1].whitespace_ and not doc[j].whitespace_
                    and j + 1 < n and doc[j + 1].text[:1].isupper())):  # "Port-Au-Prince"
                j += 1
            before = doc[i - 1] if i > 0 else None
            if before is not None and before.pos_ == "PROPN" and before.text[:1].isupper() and not (
                    before.is_stop or before.lower_ in PART_WORDS | _BODY_HEADS
                    or self._of_nation(before.text, doc[i:j].text)):  # not "Public Health [Ontario]" either
                i += 1  # the tail of a longer name no one knows: "Agent Orange"; not "Northern Italy"
                continue
            match = None
            for end in range(j, i, -1):
                if doc[end - 1].lower_ in _JOINERS or doc[end - 1].text == "-" or _article_follows(doc, end):
                    continue  # not "Jemaa" of "Jemaa el-Fnaa square", nor "Westport-" of "Westport-Belmullet"
                span = doc[i:end]
                end2, hint = self._with_trigger(doc, i, end)
                hint = hint or self._preceding_hint(doc, i, end2)
                # A sentence's first word has its capital anyway, also after a dateline's dash: "Police in
                # Leeds said", "DAYTON, Ohio — Police said" name no town in Poland.
                opening = doc[i].is_sent_start or i > 0 and doc[i - 1].text == "—"
                first = end2 - i == 1 and opening and i not in vetted
                # ... and one the article also writes in lower case is that word: "Hail was reported ...
                # hail the size of golf balls" is the weather, not Ha'il.
                if first and _written_lower(doc[i], words()):
                    break
                bar = _METROPOLIS if first else 0
                if self._river_after_the(doc, i, end) or self._acceptable(
                        span.text, hint, span.text.isupper(), bar, whole=end == j and not first):
                    match = (i, end2, hint)
                    break
                if end - i > 1 and doc[end - 1].lower_ not in TRIGGERS and self._is_exact_name(span.text):
                    break  # a small place's whole name holds no bigger one: "Ba Tri" is no Ba of Fiji
            if match and match[0] > 0 and doc[match[0] - 1].like_num and doc[match[0] - 1].is_title and (
                    self._is_exact_name(doc[match[0] - 1:match[1]].text)):
                match = (match[0] - 1, match[1], match[2])  # "Two Rivers" (a number to NER, then Nigeria's Rivers)
            if match:
                found.append(match)
                for k in range(match[0], match[1]):
                    taken[k] = True
                i = match[1]
            else:
                i += 1
        return found

    def _river_after_the(self, doc: Doc, start: int, end: int) -> bool:
        """"bathed in the Ganges", "across the Tasman": a river or sea the gazetteer knows as "X River"
        or "X Sea"."""
        name = doc[start:end].text
        return start > 0 and doc[start - 1].lower_ == "the" and name_key(name) not in _COMPASS and any(
            c.exact and c.how in (NAME, ALIAS)
            for c in water_bodies(lambda n: self.gazetteer.candidates(n, fuzzy=False), name))

    def _of_nation(self, word: str, name: str) -> bool:
        """"the Indian Punjab", "Pakistani Kashmir": a nationality word before a place of its country."""
        nation = nationalities().get(name_key(word))
        return bool(nation) and self._names(name, (NAME, ALIAS), lambda p: p.country == nation and p.kind != "country")

    def _misread_as_other(self, doc: Doc, ent: Span) -> bool:
        """A country or big city NER labelled an organisation, group or event: "Malawi, and [Mozambique]".

        Cities' aliases hold codes and jokes ("DOH" is Doha, "Google" Topeka): their names only."""
        if ent.label_ not in _MISREAD:
            return False
        if len(ent) == 1 and ent[0].is_sent_start and _written_lower(ent[0], _word_set(doc, ORTH)):
            return False  # "Tours leave at 9 a.m." beside "the mine tours resume": the word, not Tours
        start, end = self._trim(doc, ent.start, ent.end)
        text = doc[start:end].text
        short = sum(not t.is_punct for t in doc[start:end]) <= 3  # "Port-Au-Prince" is three words
        country_hows = (NAME, ALIAS) if ent.label_ == "ORG" else (NAME,)
        kind = TRIGGERS.get(doc[end].lower_) if end < len(doc) else None
        described = kind == "city" and start > 0 and doc[start - 1].lower_ in {"a", "an"}
        if kind and not described and short and self._names(text, (NAME, ALIAS), lambda p: p.kind == kind):
            # "the Amhara region": a people named with the region named after them; "a Christian village"
            # is a village of Christians.
            return True
        if ent.label_ == "ORG" and doc[end - 1].lower_ in COUNTY_ENDS and self._names(
                text, (NAME,), lambda p: p.kind == "district"):
            return True  # a county as a body: "Bristol Bay Borough officials", "Lincoln County paid for"
        if ent.label_ not in {"ORG", "NORP"}:  # "Burkina Faso" as an EVENT: countries only, and a land
            # after "the" known whole by that name only: "the dunes of [the Empty Quarter]", "the Gran Chaco"
            return short and (self._names(text, country_hows, lambda p: p.kind == "country") or (
                ent.label_ == "EVENT" and start > 0 and doc[start - 1].lower_ == "the" and self._is_exact_name(text)
                and self._names(text, (NAME,), lambda p: p.kind == "macroregion")))
        # An island or sea read as a people ("off [Sumatra]" as NORP); not "the European Union" (an ORG).
        water = doc[end - 1].lower_ in {"channel", "sea", "strait", "gulf", "ocean"}  # "the English Channel" as an ORG
        areas = {"region", "macroregion", "continent"} if ent.label_ == "NORP" or water else {"region"}
        # A river or lake after "the": "the [Brahmaputra] and several of its tributaries" (an ORG to NER),
        # also a place's name the gazetteer holds as a river or sea only with its kind word: "lived above
        # the [Wailuku]", "the [Caspian]'s falling level" (a people to NER); not "the Republican nominee",
        # nor "the Republican said" (no place is called so, though a river is), nor a firm ("the Amazon").
        if start > 0 and doc[start - 1].lower_ == "the" and short and (self._names_water(text) or (
                ent.label_ == "NORP" and not _qualifies_a_noun(doc, end) and self._is_exact_name(text)
                and self._river_after_the(doc, start, end))):
            return True
        if ent.label_ == "ORG" and end < len(doc) and doc[end].lower_ in _WARES:
            return False  # a maker, not its town: "the Toyota assembly plant", "Nokia phones"
        # Not a region of a hamlet's size: "Forest officials say" names no parish of Guernsey.
        return short and (
            self._names(text, country_hows, lambda p: p.kind == "country")
            or self._names(text, (NAME,), lambda p: p.kind in areas and not 0 < p.population < self.min_city_population)
            # ... or under its English name ("parts of [Thessaly]" as NORP: GeoNames' Thessalia).
            or self._names(text, (ALIAS,), lambda p: p.kind in areas and name_key(p.name) == name_key(text) and (
                not 0 < p.population < self.min_city_population))
            or self._big_city(text, self.min_city_population * 5)
            # ... or by a spelling of its name that only moves vowels ("Termez", GeoNames' Tirmiz); not a
            # storm's short name ("Eta").
            or len(text) > 4 and self._names(text, (ALIAS,), lambda p: p.kind == "city" and (
                p.population >= self.min_city_population * 5) and p.name[:1] == text[:1]
                and vowelless(name_key(p.name)) == vowelless(name_key(text)))
            # A metropolis by its old name in one word ("Calcutta", "Bombay"); not a code in capitals,
            # not a translation ("White House" is Casablanca's).
            or (end - start == 1 and not text.isupper() and self._names(
                text, (ALIAS,), lambda p: p.kind == "city" and p.population >= _METROPOLIS)))

    def _headline_tail(self, doc: Doc, ent: Span) -> tuple[int, int] | None:
        """A title-case headline NER reads as one organisation ends in the place it is about:
        "Quake Rattles [Southern California]". Not "University of Texas", nor in running text."""
        line = [t for t in doc[ent.sent.start:ent.sent.end] if t.is_alpha and len(t) > 3]
        if len(line) < 3 or sum(t.text[:1].isupper() for t in line) < 0.8 * len(line):
            return None
        for start in range(max(ent.start + 1, ent.end - 3), ent.end):
            if doc[start - 1].lower_ in _JOINERS:
                continue
            lead = start + (doc[start].lower_ in PART_WORDS and start + 1 < ent.end)
            if self._big_area(doc[lead:ent.end].text, False):
                return start, ent.end
        return None

    def datelines(self, doc: Doc) -> list[Span]:
        """The towns the article's paragraphs open with, as datelines (hinted "city")."""
        return self._dateline(doc, _line_starts(doc))

    def _dateline(self, doc: Doc, lines: list[int]) -> list[Span]:
        """The town a paragraph opens with, wire style in capitals ("BEIRUT (Reuters) -", "KYIV, Ukraine
        (AP) —", "MARIGAT —") or before a colon as British and Indian papers print it ("Thirsk:",
        "Killaloe, Co Clare:"). NER often calls it a person or misses it; it is always a town."""
        found = []
        starts = [_after_bullet(doc, i) for i in lines]
        # "SHIMLA/KULLU:" opens with two towns.
        starts += sorted({i + 2 for i in starts if i + 2 < len(doc) and doc[i + 1].text == "/" and (
            doc[i].text.isupper())})
        for i in starts:
            j = i
            caps = doc[i].text.isupper() if i < len(doc) else False
            while j < len(doc) and j - i < 5 and (doc[j].is_alpha and len(doc[j]) > 1 and (
                    doc[j].text.isupper() if caps else doc[j].is_title) or caps and _caps_name_part(doc, i, j)):
                j += 1
            if j < len(doc) and doc[j].text == "/" and caps and j + 1 < len(doc) and doc[j + 1].text.isupper():
                nxt = j + 1  # the mark comes after the last of "SHIMLA/KULLU"
                while nxt < len(doc) and doc[nxt].text.isupper() and doc[nxt].is_alpha:
                    nxt += 1
                mark = doc[nxt].text if nxt < len(doc) else ""
            else:
                mark = doc[j].text if j < len(doc) else ""
            if j == i or mark not in (_DATELINE_MARKS if caps else {",", ":"}):
                continue
            contained = doc[j].text == "," and j + 1 < len(doc) and doc[j + 1].text[:1].isupper()
            if not caps and not (doc[j].text == ":" or contained and any(
                    t.text == ":" for t in doc[j + 2:j + 5])):
                continue  # a title-case line is a dateline only before its colon: "Thirsk: Shopkeepers"
            text = doc[i:j].text
            if j - i == 1 and doc[i].lower_ in _CALENDAR:
                continue  # a police blotter's "Thursday:" is no Thursday Island; "SPRING GROVE, Minn." a town
            # A small town only with its state or country after it ("AITAROUN, Lebanon"), or before
            # a dash or colon: one of a thousand people or more.
            least = 0 if contained else _LOCAL_TOWN if mark != "(" else None
            # ... or a town of any size that the story names again: "MINOCQUA — The Minocqua Town Board".
            if caps and least and re.search(rf"\b{re.escape(text.title())}\b", doc.text[doc[j].idx:]):
                least = 0
            if self._names(text, (NAME, ALIAS), lambda p, least=least: self._town_of_at_least(p, least)):
                span = Span(doc, i, j, label="GPE")
                # A report's country heading ("MOZAMBIQUE: Cabo Delgado update") is the country; a
                # town is what a container follows ("LEBANON, Pa. —").
                country = not contained and self._names(text, (NAME, ALIAS), lambda p: p.kind == "country")
                span._.kind_hint = None if country else "city"
                found.append(span)
        return found

    def _town_of_at_least(self, place: Place, least: int | None) -> bool:
        """Important, or a town or district of `least` people or more (None: important only)."""
        return self._important(place) or least is not None and (
            place.kind in ("city", "district") and place.population >= least)

    def _bylines(self, doc: Doc, lines: list[int]) -> list[Span]:
        """A web page's byline puts the reporter's town after the name: "Kareem Haddad, Al Ain",
        "Jamil Nagri | Gilgit", "By Bolor Erdene | ULAANBAATAR" (NER often runs the name into the town). A
        town of a thousand people or more after a person, alone on its line or before the time ("Marta
        Kowalczyk, Wrocław | 18.09.2026")."""
        found = []
        ends = {e.start: next((t.i for t in e if t.text in {",", "|"}), _without_spaces(e).end)
                for e in doc.ents if e.label_ == "PERSON"}
        for i in lines:
            k = ends.get(i + (i + 1 < len(doc) and doc[i].lower_ == "by"))
            if k is None or k + 1 >= len(doc) or doc[k].text not in {",", "|"}:
                continue
            j = k + 1
            while j < len(doc) and j - k <= 4 and not doc[j].is_space and doc[j].text[:1].isupper():
                j += 1
            alone = j == len(doc) or doc[j].is_space and "\n" in doc[j].text or doc[j].text == "|"
            if j > k + 1 and alone and self._names(
                    doc[k + 1:j].text, (NAME, ALIAS), lambda p: self._town_of_at_least(p, _LOCAL_TOWN)):
                found.append(Span(doc, k + 1, j, label="GPE"))
        return found

    def _breadcrumbs(self, doc: Doc, text: str) -> list[Span]:
        """A page's trail of sections ("HOME / INDIA NEWS / HIMACHAL PRADESH", "NEWS › GAUTENG"): an
        item that is a country's, region's or big city's name is the place the page files the story under."""
        found = []
        for line in _BREADCRUMB.finditer(text):
            for item in re.finditer(r"[^/›»]+", line.group()):
                span = doc.char_span(line.start() + item.start(), line.start() + item.end(), alignment_mode="contract")
                if span is None or not len(span) or name_key(span.text) in _KIND_WORDS_ALONE:
                    continue  # "Home › Region › Floods" names no region
                upper = span.text.isupper()
                if self._names(span.text, (NAME, ALIAS, ABBREV) if upper else (NAME, ALIAS), self._important):
                    found.append(Span(doc, span.start, span.end, label="GPE"))
        return found

    def _join_split_names(self, doc: Doc) -> None:
        """NER sometimes cuts a place's name into two places that touch ("[Cle] [Elum]"): one place where
        the whole is a name of the gazetteer and neither half is."""
        ents = list(doc.ents)
        joined = []
        for ent in ents:
            last = joined[-1] if joined else None
            known = self.gazetteer.has_name
            if last is not None and last.end == ent.start and last.label_ in self.labels and (
                    ent.label_ in self.labels) and known(name_key(doc[last.start:ent.end].text)) and not (
                    known(name_key(last.text)) or known(name_key(ent.text))):
                joined[-1] = Span(doc, last.start, ent.end, label=last.label_)
            else:
                joined.append(ent)
        if len(joined) < len(ents):
            doc.ents = joined

    def _not_a_place(self, doc: Doc, start: int, end: int, surnames: set[str]) -> bool:
        """Names NER reads as places that are not: diseases, surnames, unknown acronyms."""
        if end < len(doc) and doc[end].lower_ in _DISEASE_WORDS:
            return True  # "West Nile virus", "Marburg virus", "Rift Valley fever"
        text = doc[start:end].text
        # "held at Dayton", and by _local_word's reading "the city of Sheridan", "the road to Colenso".
        where = start > 0 and (doc[start - 1].lower_ in _WHERE_WORDS | {"at"} or _local_word(doc, start) in (
            "in", "at", "near")) or _where_follows(doc, end) or _container_follows(doc, end)
        if _names_a_road(doc, start, end) or _kin_name(doc, start, end) or _a_player(doc, end) or (
                _age_follows(doc, end)) or start >= 2 and doc[start - 1].lower_ == "for" and (
                doc[start - 2].lower_ in _PLAYS_FOR):
            return True  # ... or a player's club: "Ibrahima Sarr, who plays for Liverpool"
        if text in _BREEDS and end < len(doc) and doc[end].lower_ in _LIVESTOCK:
            return True  # a breed at the county fair: "a Jersey cow", "Hereford heifers", "Hampshire gilt"
        if any(k < len(doc) and doc[k].lower_ in _MASTHEADS and (doc[k].is_title or doc[k].is_upper)
               for k in ((end, end - 1) if end - start > 1 else (end,))):
            return True  # a newspaper's name: "The Thames Valley Record", "BOGOTÁ DISPATCH", "the Nile Echo"
        high = end + 2 if end + 2 < len(doc) and doc[end].text in {"-", "–"} and (
            doc[end + 1].text[:1].isupper()) else end
        if high + 1 < len(doc) and doc[high].text == "High" and (doc[high + 1].text == "School" or not (
                doc[high + 1].text[:1].isupper())):
            return True  # a school: "Mountain View High beat Cave City High 31-28", "Denmark-Olar High School";
            # not "Kenya High Commission"
        if _in_byline_name(doc, start, end):
            return True  # the reporter: "By Kelly Bethel", "By Mamadou Baldé", "By Sokha Chea, Kratie | 22 March"
        if end - start == 1 and doc[start].is_sent_start and _written_lower(doc[start], _word_set(doc, ORTH)) and not (
                self._big_city(text, _METROPOLIS) or self._big_area(text, False)):
            return True  # "Salt creeps up the Mekong ... salt water": the common word opening a sentence
        if name_key(text) in _CLIMATE_EVENTS or name_key(text) in _NOWHERE:
            return True  # "a strong El Niño" is no village of Mexico; "Upstream, the Ulúa flooded" no place
        if end - start > 1 and doc[end - 1].lower_ in _SCHOOLS and doc[end - 1].is_title and (
                not self.gazetteer.has_name(name_key(text))):
            return True  # "Valley City State University" (a place to NER); not the town of State College
        if end - start > 1 and doc[end - 1].lower_ in _CLUB_WORDS and not self.gazetteer.has_name(name_key(text)) and (
                doc[end - 1].lower_ not in _CLUB_TOWN_WORDS or self._names(
                    doc[start:end - 1].text, (NAME,), lambda p: p.country in _CLUB_TOWN_COUNTRIES)):
            # A club: "Galway United drew with Sligo Rovers"; not "Rangers" alone, nor a place so named, nor
            # a Philippine city its charter calls one ("Ilagan City").
            return True
        if name_key(text) in _KIND_WORDS_ALONE and not (
                start > 0 and not doc[start].is_sent_start and doc[start - 1].lower_ not in _ARTICLES
                and self._big_city(text, _TOWN_OF_A_KIND_WORD)):
            # "Eastern Visayas, [Region] 8", "River levels at 10am": a kind word alone names nothing; but
            # "from Akron and Canton" names a city.
            return True
        if text in _WEEKDAYS and end < len(doc) and (doc[end].text == "," or doc[end].like_num):
            return True  # "Mon, 9 Jun" is no state of Myanmar
        if _in_the_sky(doc, start, end):
            return True
        if text in _disease_names(doc) and not (end + 1 < len(doc) and doc[end].text == "," and (
                doc[end + 1].text[:1].isupper())):
            return True  # "imported Marburg" where the article speaks of Marburg virus, and "Marburg, a close
            # relative of Ebola"; not "Marburg, Germany"
        # "from Darlington and Belmont", "in Cañon City and Florence": listed with a place NER found.
        # After a comma only inside a list: "in Jefferson, Dalton and Gorham", not "in Texas, Philmont said".
        inside = end < len(doc) and doc[end].lower_ in _LIST_WORDS
        listed = start > 1 and (doc[start - 1].lower_ in {"and", "or"} or doc[start - 1].text == "," and inside) and (
            doc[start - 2].ent_type_ == "GPE") or inside and end + 1 < len(doc) and doc[end + 1].ent_type_ == "GPE"
        # "the little Hampton community", "the Hampton 11": no one's name after "the" (but "the Hampton family").
        k = start - 1
        while k > 0 and start - k <= 2 and doc[k].pos_ == "ADJ" and doc[k].is_lower:
            k -= 1
        the = k >= 0 and doc[k].lower_ == "the" and not (end < len(doc) and doc[end].lower_ in _KIN | _SIBLINGS)
        if end - start == 1 and text in surnames and not (where or listed or the) and (
                not self._big_area(text, text.isupper()) or end < len(doc) and doc[end].lower_ in _SPEECH):
            return True  # "Zhvania said"; "Commissioner Mark Washington ... Washington said"; not "held at Dayton"
        known = self.gazetteer.has_name(name_key(text)) or self._river_after_the(doc, start, end)  # "the Ping"
        if not known and not any(t.pos_ == "PROPN" for t in doc[start:end]):
            return True  # "(AP) — Gunmen killed...": a common noun NER took for a place
        if not known and not where and any(e.label_ == "PERSON" and e.text == text for e in doc.ents):
            return True  # "Georgia – Zurab [Zhvania]" as a place, elsewhere a man: no place of the name
        # Capitals match only abbreviations ("DOH" is no way of writing Doha) or the name
        # of a country or big city ("LAGOS", "KYIV").
        return text.isupper() and len(text) <= 5 and not any(
            how == ABBREV for _, how in self.gazetteer.name_rows(name_key(text))) and not (
            len(text) >= 4 and (self._big_city(text, self.min_city_population * 5)
                                or self._names(text, (NAME,), lambda p: p.kind == "country")))

    def __call__(self, doc: Doc) -> Doc:
        self._join_split_names(doc)
        taken = [False] * len(doc)
        spans: list[Span] = []
        # Not "Thomaston 35" of a line of results: no one's name holds a number.
        persons = [e for e in map(_before_of, map(_without_spaces, doc.ents)) if e.label_ == "PERSON" and len(e) > 1
                   and not any(t.like_num for t in e)]
        # Words of people's names; a two-word name counts only when it is not itself a big city's or a
        # region's.
        person_words = {t.text for e in persons for t in e} | {
            e.text for e in persons if not self._place_of_two_words(e)}
        surnames = {e[-1].text for e in persons}
        ents = []
        vetted: set[int] = set()
        named_countries = cache(lambda: self._named_countries(doc))  # looked up once, and only if asked
        anchors = cache(lambda: self._anchors([e for e in doc.ents if e.label_ == "GPE"]))
        regions = cache(lambda: self._named_regions([e for e in doc.ents if e.label_ == "GPE"]))
        listed_towns = cache(lambda: self._towns_listed_together(doc))
        lines = _line_starts(doc)
        datelines = self._dateline(doc, lines)
        # The story's own town, named by its dateline, is that town wherever NER reads it otherwise:
        # "CLINTON, Iowa — ... the west side of Clinton" (a person to NER); not "Bill Clinton".
        home = {name_key(s.text) for s in datelines if s._.kind_hint == "city"}
        # ... and of its people, not those NER made of its offices ("Clinton Fire Chief Mike Lyons").
        home_people = {t.text for e in persons if name_key(e[0].text) not in home for t in e}
        for ent in doc.ents:
            if ent.label_ in self.labels or self._misread_as_other(doc, ent) or self._parts(
                    doc, *self._trim(doc, ent.start, ent.end)) or ent.label_ == "NORP" and (
                    self._complete(doc, ent.start, ent.end) != (ent.start, ent.end)):
                ents.append(ent)  # ... or a people's word that opens a place's name NER cut short: "[Tamil] Nadu"
            elif self._town_by_its_whole_name(ent, regions, anchors) or self._town_after_where_word(
                    doc, ent, anchors, named_countries) or (
                    self._town_of_its_mayor(doc, ent)) or ent.label_ == "ORG" and _park_named(ent) or (
                    self._place_of_the_country_before(doc, ent) or self._feature_by_its_word(ent)
                    or self._river_by_its_course(doc, ent)
                    or self._site_by_its_word(doc, ent)) or (
                    name_key(ent.text) in home and ent.text not in home_people and ent.label_ in _OVERRIDABLE
                    and not _qualifies_a_noun(doc, ent.end) and not _capitalised_next(doc, ent.end)):
                ents.append(Span(doc, ent.start, ent.end, label="GPE"))
            elif self._feature_word_follows(doc, ent):
                ents.append(Span(doc, ent.start, ent.end + 1, label="LOC"))
            elif self._place_in_disguise(doc, ent, person_words, named_countries):
                vetted.add(ent.start)  # "Darwin braced for the storm" (a person to NER)
            elif self._town_of_the_container_after(doc, ent) or (ent.start, ent.end) in listed_towns():
                ents.append(Span(doc, ent.start, ent.end, label="GPE"))
            elif towns := self._towns_run_together(doc, ent):
                ents += [Span(doc, a, b, label="GPE") for a, b in towns]
            else:
                # Tokens of other entities ("Sukkur Barrage", dates) never start a gazetteer match,
                # but the country an institution is named after is a place ("the U.S. Army").
                # "[Victoria] Police said" is an organisation whatever NER calls it.
                body = ent.label_ == "PERSON" and doc[ent.end - 1].lower_ in _INSTITUTION_WORDS
                lead = self._leading_place(doc, ent) or self._trailing_place(doc, ent) or self._government_of(
                    doc, ent) or self._headline_tail(doc, ent) if ent.label_ == "ORG" else (
                    self._leading_place(doc, ent) if body or ent.label_ == "EVENT" else None)
                if lead:
                    ents.append(Span(doc, *lead, label="GPE"))
                for k in range(ent.start, ent.end):
                    taken[k] = True
        covered = [False] * len(doc)
        article = doc.text  # built anew on each access: once here, for the rules that search the text
        for span in datelines + self._bylines(doc, lines) + self._breadcrumbs(doc, article):
            spans.append(span)
            covered[span.start:span.end] = taken[span.start:span.end] = [True] * len(span)
        for ent in ents:
            start, end = self._trim(doc, ent.start, ent.end)
            if start >= end or any(covered[start:end]):
                continue
            parts = self._parts(doc, start, end)
            if parts:  # "the Gaza-Egypt crossing", "the Dominican Republic or Jamaica": two places
                for a, b in parts:
                    spans.append(Span(doc, a, b, label="GPE"))
                covered[start:end] = taken[start:end] = [True] * (end - start)
                continue
            start, end = self._complete(doc, start, end)
            if any(covered[start:end]):
                continue
            text = doc[start:end].text
            # A people's word is no place, unless a kind word makes it a region of its name: "Ethiopia's
            # Somali region", "the Amhara region"; or the dateline names a town so ("CANADIAN, Texas").
            if name_key(text) in self.demonyms and name_key(text) not in home and not (
                    end < len(doc) and doc[end].lower_ in {"region", "state"} and (
                    self._names(text, (NAME,), lambda p: p.kind == "region"))) or not any(ch.isupper() for ch in text):
                continue
            if self._not_a_place(doc, start, end, surnames):
                taken[ent.start:ent.end] = [True] * len(ent)
                continue
            lead = None if self.gazetteer.has_name(name_key(text)) else self._leading_place(doc, ent)
            if lead and not any(covered[lead[0]:lead[1]]):  # "the [Lucas County] Sheriff's Office"
                spans.append(Span(doc, *lead, label="GPE"))
                covered[lead[0]:lead[1]] = [True] * (lead[1] - lead[0])
                taken[ent.start:ent.end] = [True] * len(ent)
                continue
            named_for = start > ent.start and doc[start - 1].text[:1].isupper() and (  # "the [Welsh] Bridge"
                doc[start - 1].lower_ not in _ARTICLES)
            if ent.label_ == "FAC" and (named_for or not self.gazetteer.has_name(name_key(text))) and not (
                    _natural_feature(doc[start:end])):
                taken[ent.start:ent.end] = [True] * len(ent)
                continue  # buildings, roads, airports the gazetteer cannot place
            hint = self.kind_hint(doc, start, end)
            bloc = start > 0 and doc[start - 1].lower_ == "the" or end < len(doc) and doc[end].pos_ in ("NOUN", "PROPN")
            if name_key(text) in _COMPASS and not hint and bloc:
                continue  # "Moscow blamed the West", "Western powers": not Cameroon's West Region
            end = self._with_trigger(doc, start, end)[0]
            span = Span(doc, start, end, label=ent.label_ if ent.label_ in self.labels else "GPE")
            span._.kind_hint = hint
            spans.append(span)
            covered[start:end] = [True] * (end - start)
            for k in range(min(start, ent.start), max(end, ent.end)):
                taken[k] = True
        for start, end, hint in self._gazetteer_spans(doc, taken, vetted):
            start, end = self._complete(doc, start, end)
            if any(covered[start:end]) or self._not_a_place(doc, start, end, surnames):
                continue
            span = Span(doc, start, end, label="GPE")
            span._.kind_hint = hint
            spans.append(span)
        spans += self._party_homes(doc, spans)
        spans = self._with_particle_names(doc, article, spans)
        spans += _states_after_towns(doc, spans)
        spans += self._towns_of_named_regions(doc, article, spans, person_words | surnames)
        spans += self._column_heads(doc, article, spans)
        spans += self._town_headings(doc, article, spans)
        spans += self._described_as_places(doc, spans)
        spans += self._named_settlements(doc, spans, person_words)
        spans += self._listed_as_settlements(doc, spans, persons)
        spans += self._partners(doc, spans)
        spans += self._listed_with_places(doc, spans, surnames)  # "near [Kaycee] and Barnum"
        spans += self._hometowns(doc, spans, person_words)
        spans += self._table_cells(doc, article, spans)
        spans += self._page_lists(doc, article, spans)
        spans += self._rivers_named_again(doc, spans)
        spans += self._rivers_of_a_list(doc, spans)
        spans += self._towns_named_again(doc, spans, person_words | surnames)
        spans += self._named_in_the_headline(doc, article, spans, person_words)
        spans += _states_after_towns(doc, spans)  # ... after the towns found since: "Williamson, W.Va.:"
        spans = self._without_teams(doc, article, spans)
        spans = [_with_abbreviation_dot(doc, s) for s in _without_masthead(article, _without_labels(article, spans))]
        spans.sort(key=lambda s: s.start)
        share_plural_kind(doc, spans)
        doc.spans[SPAN_KEY] = spans
        return doc

    def _covered(self, doc: Doc, spans: list[Span]) -> list[bool]:
        """Tokens already places, or in entities a place may not override (dates, money; not people)."""
        covered = [False] * len(doc)
        for s in spans:
            covered[s.start:s.end] = [True] * len(s)
        for ent in doc.ents:
            if ent.label_ not in _OVERRIDABLE and ent.label_ not in self.labels and not _odd_date(ent):
                covered[ent.start:ent.end] = [True] * len(ent)
        return covered

    def _hometowns(self, doc: Doc, spans: list[Span], person_words: set[str]) -> list[Span]:
        """Local news names people by their town, however small: "a Hartselle man", "an Ely teenager";
        and a town's own services, a town of 1,000 or more: "of Dalby police", "Trochu council"."""
        covered = self._covered(doc, spans)  # NER may call the town a person: "a [Hartselle] man"
        anchors = cache(lambda: self._anchors(spans))  # looked up once, and only for a service
        regions = cache(lambda: self._named_regions(spans))
        found = []
        for noun in doc:
            if noun.lower_ not in _TOWN_NOUNS or not noun.is_lower:
                continue
            # One word of what kind may come between: "a Beckley engineering firm", "a Woodstock hockey arena".
            start = noun.i - (noun.lower_ in _ESTABLISHMENTS and doc[noun.i - 1].is_lower and doc[noun.i - 1].is_alpha)
            last = start
            # ... after a dash, "An" need not open a sentence: "— An Oglesby man who broke into".
            while start > 0 and last - start < 3 and not covered[start - 1] and doc[start - 1].lower_ not in {
                    "a", "an"} and (_capitalised(doc[start - 1]) or (
                    doc[start - 1].is_sent_start and doc[start - 1].text[:1].isupper() and not doc[start - 1].is_stop)):
                start -= 1
            det = start - 1  # "a Hartselle man", "a 22-year-old Moore man", "an elderly Ely woman"
            while det > 0 and start - det < 7 and (doc[det].is_lower or doc[det].like_num or doc[det].text == "-") and (
                    doc[det].lower_ not in {"a", "an"}):
                det -= 1
            article = det >= 0 and doc[det].lower_ in {"a", "an"}
            # "Pippa Passes resident Jim Paris", "Wainfleet residents told to leave": no article needed.
            service = noun.lower_ in _TOWN_SERVICES or noun.lower_ in _ESTABLISHMENTS
            if start == last or not (article or noun.lower_ in _DWELLERS or noun.lower_ in _TOWN_SERVICES):
                continue
            text = doc[start:last].text
            if text in person_words and (article or service) and noun.lower_ not in _TOWNSFOLK or (
                    name_key(text) in self.demonyms):
                continue  # a resident is of a place, whatever NER calls its name
            # A service's town must lie near a town the story surely names, or in a region it names:
            # "Smith police" in a story from Cardiff is a man's.
            # ... or, however small, in a county it names: "Washburn firefighters" in an Aroostook County log.
            if any(p.kind in ("city", "district") and (not service or p.population >= _LOCAL_TOWN and (
                    _near_any(p, anchors()) or bool({p.admin1, p.admin2} & regions())) or p.admin2 in regions())
                   for p in self._named_or_short(text)):
                found.append(Span(doc, start, last, label="GPE"))
        return found

    def _named_settlements(self, doc: Doc, spans: list[Span], person_words: set[str]) -> list[Span]:
        """Names a kind word calls settlements are places whether or not the gazetteer knows them, and
        whatever NER calls them: "the small town of Pangandaran", "the villages of Ceamurlia de Jos,
        Maliuc and Caraorman", "communities like Cocagne". A plural's list runs on through commas and
        "and"; "a town of 5,000" and "the community of believers" name nothing."""
        if not _has_any(doc, _SETTLEMENT_WORDS):
            return []
        covered = self._covered(doc, spans)
        people = Counter(e.text for e in doc.ents if e.label_ == "PERSON")
        found = []
        for word in doc:
            if word.lower_ not in _NAMED_SETTLEMENTS and word.text not in _TITLED_SETTLEMENTS:
                continue
            cue = word.i + 1
            such_as = cue + 1 < len(doc) and doc[cue].lower_ == "such" and doc[cue + 1].lower_ == "as"
            cue += such_as  # "riverside towns such as Luuq and Bardera" reads as "towns like"
            naming = "like" if such_as else doc[min(cue, len(doc) - 1)].lower_
            plural = word.lower_.endswith("s")
            if plural and naming not in _NAMING and (later := _named_later(doc, cue)):
                cue, naming = later - 1, "including"  # "14 villages evacuated, among them Troviscal and Amieira"
            titled = word.text in _TITLED_SETTLEMENTS and cue < len(doc) and doc[cue].text[:1].isupper()
            if not titled and (word.lower_ not in _NAMED_SETTLEMENTS or not (word.is_lower or word.is_sent_start) or (
                    cue >= len(doc)) or naming not in _NAMING or naming in {":", "like", "including"} and not plural):
                continue
            i = cue if titled else cue + 1
            while i < len(doc):
                if covered[i]:  # a member already found: "the districts of [Kulawi], Kulawi Selatan and Lindu"
                    while i < len(doc) and covered[i]:
                        i += 1
                    if not plural or i + 1 >= len(doc) or doc[i].text not in {",", "and", "or"}:
                        break
                    i += 2 if doc[i].text == "," and doc[i + 1].lower_ in {"and", "or"} else 1
                    continue
                end = i
                while end < len(doc) and end - i < 5 and not covered[end] and (doc[end].text[:1].isupper() and (
                        doc[end].is_alpha or "-" in doc[end].text or "'" in doc[end].text) or end > i and (
                        doc[end].lower_ in _NAME_PARTICLES or doc[end].text == "-" and not (
                            doc[end - 1].whitespace_)) and end + 1 < len(doc) and doc[end + 1].text[:1].isupper()):
                    end += 1  # ... "Forlì-Cesena", "Vișeu de Sus"
                text = doc[i:end].text
                # A name NER read as a person here and nowhere else is the kind word's: "the districts of
                # Kulawi, [Kulawi Selatan] and Lindu".
                alone = people[text] == 1 and doc[i].ent_iob_ == "B" and doc[i].ent_type_ == "PERSON" and (
                    end == len(doc) or doc[end].ent_iob_ != "I") and not any(people[t.text] for t in doc[i:end])
                # "Around the counties: The Logan County Quorum Court has ..." opens a sentence, not a list.
                if end == i or doc[i].lower_ in _ARTICLES or text in person_words and not (titled or alone) or (
                        name_key(text) in self.demonyms) or (
                        end < len(doc) and doc[end].lower_ in _POSSESSIVE and doc[end + 1:end + 2].text[:1].isupper()):
                    break
                span = Span(doc, i, end, label="GPE")
                span._.kind_hint = self._preceding_hint(doc, i, end)  # "the districts of Kulawi and Lindu"
                found.append(span)
                covered[i:end] = [True] * (end - i)
                if not plural or end + 1 >= len(doc) or doc[end].text not in {",", "and", "or"}:
                    break
                i = end + 2 if doc[end].text == "," and doc[end + 1].lower_ in {"and", "or"} else end + 1
        return found

    def _listed_as_settlements(self, doc: Doc, spans: list[Span], people: list[Span]) -> list[Span]:
        """A list a plural kind word sums up: "Dragomirești, Bogdan Vodă and Ieud, villages known for
        their churches", "from Vișeu de Sus, Moisei, Borșa and other villages": each name is a place,
        whatever NER calls it, unless a person the story names bears it."""
        if not _has_any(doc, _PLURAL_SETTLEMENTS):
            return []
        covered = self._covered(doc, spans)
        found = []
        for word in doc:
            if word.lower_ not in _PLURAL_SETTLEMENTS or word.i < 3:
                continue
            k = word.i - 1
            while k > 0 and doc[k].is_lower and doc[k].is_alpha and doc[k].lower_ not in {"and", "or"} and (
                    word.i - k < 3):
                k -= 1  # "all small villages", "other villages", "nearby towns"
            if doc[k].text != "," and doc[k].lower_ not in {"and", "or"}:
                continue  # neither "..., villages known for" nor "... Borșa and other villages"
            end = k
            members: list[tuple[int, int]] = []
            while end > 0:
                start = end
                while start > 0 and end - start < 4 and (_capitalised(doc[start - 1]) or (
                        doc[start - 1].lower_ in _NAME_PARTICLES and start - 1 > 0 and _capitalised(doc[start - 2]))):
                    start -= 1
                if start == end or start < end and doc[start].lower_ in _NAME_PARTICLES:
                    break
                members.append((start, end))
                if start < 2 or doc[start - 1].text != "," and doc[start - 1].lower_ not in {"and", "or"}:
                    break
                end = start - 1 - (doc[start - 1].lower_ in {"and", "or"} and doc[start - 2].text == ",")
            if len(members) < 2:
                continue
            for start, end in members:
                words = {t.text for t in doc[start:end]}
                if any(covered[start:end]) or name_key(doc[start:end].text) in self.demonyms or any(
                        (e.start, e.end) != (start, end) and words & {t.text for t in e} for e in people):
                    continue
                found.append(Span(doc, start, end, label="GPE"))
                covered[start:end] = [True] * (end - start)
        return found

    def _partners(self, doc: Doc, spans: list[Span]) -> list[Span]:
        """The second of two places a hyphen or a way joins, however small, when it lies within 150 km
        of a place of the first's name: "Westport-Belmullet", "Claremorris-Swinford" (an electoral
        area, a diocese, a route); "ferries from Iloilo to Guimaras"."""
        covered = self._covered(doc, spans)
        found = []
        for span in spans:
            k = span.end
            if k + 1 >= len(doc):
                continue
            joined = doc[k].text in {"-", "–"} and not (doc[k - 1].whitespace_ or doc[k].whitespace_)
            way = doc[k].lower_ == "to" and span.start > 0 and doc[span.start - 1].lower_ == "from"
            if not (joined or way):
                continue
            end = _name_end(doc, k + 1, covered)
            if covered[k + 1] or not doc[k + 1].text[:1].isupper() or end < len(doc) and (
                    doc[end].lower_ in _CONTESTS or doc[end].like_num or doc[end].text[:1].isdigit()):
                continue  # "Pine River-Backus 7-3", "Kasson-Mantorville edged ...": a school's team
            kinds = ("city", "district", "region") if way else ("city", "district")  # "from Iloilo to Guimaras"
            firsts = [p for p in self._places(span.text, (NAME, ALIAS)) if p.kind in kinds]

            def partner(p: Place, firsts: list[Place] = firsts, kinds: tuple[str, ...] = kinds) -> bool:
                return p.kind in kinds and any(
                    p.country == q.country and distance_km(p.lat, p.lon, q.lat, q.lon) <= _PARTNER_KM for q in firsts)

            if self._names(doc[k + 1:end].text, (NAME,), partner):
                found.append(Span(doc, k + 1, end, label="GPE"))
                covered[k + 1:end] = [True] * (end - k - 1)
        return found

    def _with_particle_names(self, doc: Doc, text: str, spans: list[Span]) -> list[Span]:
        """A name of the shape "Hay-on-Wye" that the gazetteer holds is a place however small: no
        person or firm is called so, though NER, reading "Hay" as a noun, often misses it. So is a town
        or district's whole name with its particles spaced ("Prairie du Chien", "Lac du Flambeau"), if it
        is no one's ("Charles de Gaulle"), over the shorter place found in it (Chad's Lac region)."""
        matches = list(_PARTICLE_NAME.finditer(text))
        spaced = list(_SPACED_PARTICLE_NAME.finditer(text))
        if not matches and not spaced:
            return spans
        covered = self._covered(doc, spans)
        people = {e.text for e in doc.ents if e.label_ == "PERSON"}
        found = []
        for match in matches:
            span = doc.char_span(*match.span(), label="GPE")
            if span is not None and not any(covered[span.start:span.end]) and self._is_exact_name(span.text):
                found.append(span)
        for match in spaced:
            span = doc.char_span(*match.span(), label="GPE")
            if span is not None and span.text not in people and self._is_exact_name(span.text) and self._names(
                    span.text, (NAME,), lambda p: p.kind in ("city", "district")) and not any(
                    s.start < span.end and span.start < s.end and not (span.start <= s.start and s.end <= span.end)
                    for s in spans):
                spans = [s for s in spans if not (span.start <= s.start and s.end <= span.end)]
                found.append(span)
        return spans + found

    def _table_cells(self, doc: Doc, text: str, spans: list[Span]) -> list[Span]:
        """A scraped table's cell that is a whole name in a row of figures ("Kullu | 23 | 112",
        "Metuge (arrivals) | 5,302", "• Diamer: 5 points") is a place when the gazetteer has a place of
        the name in a country the article is about; NER, seeing no sentence, misses most of them."""
        # A row of data holds a figure; a header ("County | Jordan | Rome") or a menu ("Home | News") none.
        rows = [] if text.count("|") < 2 else [m for m in re.finditer(r"[^\n]+", text)
                if "|" in m.group() and re.search(r"\d", m.group())]
        # A list's item of a name and its figure is a row too: "• Diamer: 5 points", "Welshpool: 4.91"; so is
        # a line of one in a run of three or more, two of them names the story already gives places
        # ("London 9.1 inches", "Mohawk — 36.2"): a table of rain or snow by town.
        placed = {s.text for s in spans}
        items = list(_FIGURE_ITEM.finditer(text)) + [
            m for run in _runs(_FIGURE_LINE.finditer(text)) if len(run) >= 3
            and sum(m.group(1) in placed for m in run) >= 2 for m in run]
        if not rows and not items:
            return []
        countries = self._countries_about(doc, spans)
        covered = self._covered(doc, spans)
        found = [span for m in items if (span := self._listed_place(doc, 0, m, countries, covered))]
        for row in rows:
            for cell in re.finditer(r"[^|]+", row.group()):
                name = re.match(r"\s*([A-Z][^|()\d]*?)\s*(?:\([^)]*\))?\s*$", cell.group())
                if not name:
                    continue
                at = row.start() + cell.start()
                if span := self._listed_place(doc, at, name, countries, covered):
                    found.append(span)
                    continue
                # ... or each of the places a dash or slash joins: "Westport-Belmullet | 9", "Sohar – Muscat".
                for part in re.finditer(r"([A-Z][^|()\d/–-]*[^|()\d/–\s-])", name.group(1)):
                    if span := self._listed_place(doc, at + name.start(1), part, countries, covered):
                        found.append(span)
        return found

    def _page_lists(self, doc: Doc, text: str, spans: list[Span]) -> list[Span]:
        """A page's tags ("Tags: Bududa, landslides, Mount Elgon", "Mots-clés: migration, Mbour, Senegal")
        and the headlines of its links to other stories ("Read more: Bridgnorth traders count the cost",
        "• Kapchorwa coffee farmers fear poor harvest") name places as a table's cells do: a whole name of
        a place in a country the article is about. NER, seeing no sentence, misses most of them."""
        names = list(_listed_names(text))
        if not names:
            return []
        countries = self._countries_about(doc, spans)
        covered = self._covered(doc, spans)
        # Not a headline's common word that the article also writes in lower case: "Farmers on the Lasithi
        # Plateau turn to old windmills".
        words = _word_set(doc, ORTH)
        return [span for at, name in names if hash_string(name.group(1).lower()) not in words and (
            span := self._listed_place(doc, at, name, countries, covered))]

    def _countries_about(self, doc: Doc, spans: list[Span]) -> set[str]:
        """The countries the article names, or names a big place of ("Guwahati" says India too)."""
        return self._named_countries(doc) | {p.country for s in spans for p in self._places(s.text, (NAME,))
                                             if self._important(p)}

    def _listed_place(self, doc: Doc, at: int, name: re.Match[str], countries: set[str],
                      covered: list[bool]) -> Span | None:
        """The name a scraped list holds at `at` (a table's cell, a tag), where it is the whole name of a
        town, district or region in one of `countries`; marked covered when found."""
        span = doc.char_span(at + name.start(1), at + name.end(1), label="GPE")
        if span is None or any(covered[span.start:span.end]) or not self._is_exact_name(span.text) or (
                name_key(span.text) in self.demonyms) or not (
                self._names(span.text, (NAME, ALIAS), lambda p: p.kind in ("city", "district", "region")
                            and p.country in countries)):
            return None
        covered[span.start:span.end] = [True] * len(span)
        return span

    def _rivers_named_again(self, doc: Doc, spans: list[Span]) -> list[Span]:
        """"Water from the Brahmaputra entered ... Dibrugarh braces as Brahmaputra nears danger mark": a
        river or lake the story has named after "the" is the same where a headline drops the article and
        NER calls it an organisation ("Amazon" alone stays the firm)."""
        rivers = {s.text for s in spans if s.start > 0 and doc[s.start - 1].lower_ == "the" and self._names_water(
            s.text)}
        if not rivers:
            return []
        covered = self._covered(doc, spans)
        return [Span(doc, e.start, e.end, label="GPE") for e in doc.ents
                if e.text in rivers and e.label_ in _OVERRIDABLE and not any(covered[e.start:e.end])]

    def _rivers_of_a_list(self, doc: Doc, spans: list[Span]) -> list[Span]:
        """"the Vu Gia and Thu Bon rivers", "Talbot and Queen Anne's counties": names a plural "rivers"
        or "counties" ends are rivers or counties the gazetteer holds with their kind word, whatever
        NER made of them."""
        if not _has_any(doc, _LISTED_PLURALS):
            return []
        covered = self._covered(doc, spans)
        found = []
        for word in doc:
            if word.text not in _LISTED_KINDS:
                continue
            end = word.i
            while True:
                start = end
                if start > 0 and covered[start - 1]:
                    while start > 0 and covered[start - 1]:
                        start -= 1  # a member already found: "Liberty, Hill and [Chouteau] counties"
                else:
                    while start > 0 and end - start < 4 and not covered[start - 1] and (
                            _capitalised(doc[start - 1]) or doc[start - 1].text in _POSSESSIVE and start > 1 and (
                                _capitalised(doc[start - 2]))):
                        start -= 1  # "Queen Anne's"
                    # Rivers even where the gazetteer lacks them: "the Vișeu and Iza rivers".
                    if start == end or not (word.text == "rivers" or self._of_its_kind(doc[start:end].text, word.text)):
                        break
                    found.append(Span(doc, start, end, label="LOC" if word.text == "rivers" else "GPE"))
                    covered[start:end] = [True] * (end - start)
                if start < 2 or doc[start - 1].lower_ not in {"and", ",", "or"}:
                    break
                end = start - 1
        return found

    def _of_its_kind(self, name: str, plural: str) -> bool:
        """Whether the gazetteer holds a river, county or parish of the name, as the plural says."""
        if plural == "rivers":
            return bool(water_bodies(self.gazetteer.candidates, name))
        return self._names(f"{name} {_LISTED_KINDS[plural]}", (NAME, ALIAS), lambda p: p.kind == "district")

    def _unborne_again(self, doc: Doc, i: int, end: int, person_words: set[str]) -> bool:
        """Whether a placed town's name at i needs no word of place to be the town again: no one in the
        story bears it, and it stands alone, not inside another name ("the University of Crete", "IIM
        Indore", "Trooper Ty Sheridan"), nor as a kin's or a player's name, a breed, an abbreviation or an
        adjective ("Western powers", "Canadian cattle")."""
        before = doc[i - 1]
        inside = before.text[:1].isupper() and (before.is_alpha and (not before.is_sent_start or before.pos_ == "PROPN")
                                                or re.fullmatch(r"[A-Z]\.", before.text) is not None) or (
            before.lower_ == "of" and i >= 2 and doc[i - 2].text[:1].isupper())
        return not (inside or doc[i:end].text.isupper() or any(t.text in person_words for t in doc[i:end])
                    or name_key(doc[i:end].text) in self.demonyms or doc[end - 1].pos_ == "ADJ"
                    or self._not_a_place(doc, i, end, set()))

    def _towns_named_again(self, doc: Doc, spans: list[Span], person_words: set[str]) -> list[Span]:
        """A town the story has placed is that town again after a word of place, whoever else bears
        its name: "Council leader Keith Forbes ... parents in [Keith] say" (a person to NER), "Jill
        Darlington ... a crew driving up from [Darlington]"; and anywhere if no one in the story bears
        it: "[Raffadali] and [Aragona] are on an eight-day rota"."""
        # Placed by NER, a dateline, a kind word or a list of places, not by a word of place alone:
        # "children at [Franklin]" is a school.
        ends, starts = {s.end for s in spans}, {s.start for s in spans}
        # A town known by the name as an alias ("Erfoud" for Arfoud) where NER itself placed it.
        towns = {tuple(t.text for t in s) for s in spans if (s[0].ent_type_ == "GPE" or s._.kind_hint or _glued(
            doc, ends, s.start, -1) or _glued(doc, starts, s.end, 1)) and self._names(
            s.text, (NAME, ALIAS) if s[0].ent_type_ == "GPE" else (NAME,), lambda p: p.kind in ("city", "district"))}
        if not towns:
            return []
        at: dict[str, list[int]] = defaultdict(list)  # where each first word of a town's name occurs
        for t in doc:
            at[t.text].append(t.i)
        places = {name: [i for i in at[name[0]] if tuple(t.text for t in doc[i:i + len(name)]) == name]
                  for name in towns}
        covered = self._covered(doc, spans)
        found = []
        for name, found_at in places.items():
            n = len(name)
            if any(_capitalised_next(doc, i + n) and doc[i + n].ent_type_ != "PERSON" for i in found_at):
                continue  # the story also names a school or firm after it: "at Franklin" is "Franklin Elementary"
            for i in found_at:
                end = i + n
                if i == 0 or any(covered[i:end]) or _local_word(doc, i) not in _AGAIN_WORDS and not (
                        self._unborne_again(doc, i, end, person_words)) or (
                        _capitalised_next(doc, end)) or end < len(doc) and doc[end].lower_ in _POSSESSIVE:
                    continue
                found.append(Span(doc, i, end, label="GPE"))
                covered[i:end] = [True] * n
        return found

    def _named_in_the_headline(self, doc: Doc, text: str, spans: list[Span], person_words: set[str]) -> list[Span]:
        """A headline names the story's places before the story does, often as a noun's modifier NER
        misses: "[Petacciato] landslide moves again", "[Pilcomayo] floods cut off ...". A name the story
        finds a place is one in its headline too, and in any other line that is no sentence (a page's
        links and lists), unless someone in the story bears it."""
        end = next((t.i for t in doc[:25] if t.is_space and "\n" in t.text), None)
        heads = [] if end is None or end < 2 or doc[end - 1].text == "." else [(0, end)]  # else a first paragraph
        # ... and a page's headline under its site's name and trail, printed once or twice, its links' and
        # lists' lines: any line with no stop at its end.
        heads += [(span.start, span.end) for m in _TITLE_LINE.finditer(text)
                  if (span := doc.char_span(m.start(), m.end(), alignment_mode="expand")) is not None
                  and span.start >= (end or 0)]
        if not heads:
            return []
        body = {tuple(t.text for t in s) for s in spans}
        covered = self._covered(doc, spans)
        found = []
        for name in sorted(body, key=len, reverse=True):
            n = len(name)
            if any(word in person_words for word in name):
                continue
            for i in (i for a, b in heads for i in range(a, b - n + 1)):
                # Not part of a longer name ("Cedar Catholic rallies", "Goshen Fair draws record") nor a
                # road's or a dam's ("Badrinath highway reopens").
                if not any(covered[i:i + n]) and tuple(t.text for t in doc[i:i + n]) == name and not (
                        _capitalised_next(doc, i + n) or _name_goes_back(doc, i)
                        or self._not_a_place(doc, i, i + n, set())):
                    found.append(Span(doc, i, i + n, label="GPE"))
                    covered[i:i + n] = [True] * n
        return found

    def _party_homes(self, doc: Doc, spans: list[Span]) -> list[Span]:
        """A politician's party and home in American style, "Rep. Jane Doe, D-Quincy," or "R-Texas":
        the state or town after the party's letter is a place (NER misses it or runs the letter in)."""
        covered = self._covered(doc, spans)
        found = []
        for i in range(2, len(doc)):
            if covered[i] or not _party_letter(doc, i - 2) or not doc[i].text[:1].isupper():
                continue
            j = _name_end(doc, i, covered)
            text = doc[i:j].text
            if text.isupper():
                continue  # "(D-CA)" reads as one code: GeoVirus marks no place there
            if self._names(text, (NAME, ALIAS, ABBREV), lambda p: p.kind == "region") or self._names(
                    text, (NAME,), lambda p: p.kind == "city"):
                found.append(Span(doc, i, j, label="GPE"))
        return found

    def _towns_of_named_regions(self, doc: Doc, article: str, spans: list[Span], person_words: set[str]
                                ) -> list[Span]:
        """Local news places small towns by the state or county it names: "DECATUR, Ala. ... her
        funeral will be held in [Cullman]". After a word of place, a town the gazetteer knows in a
        region or county the article names is a place, however small; elsewhere such a name needs
        NER's word or a list."""
        regions = self._named_regions(spans)
        anchors = cache(lambda: self._anchors(spans))  # looked up only for a name no named region holds
        covered = self._covered(doc, spans)
        game = _in_a_game(doc)
        # The sides of a line of results are teams, whoever else bears the name: "Jim Thorpe 35, Lehighton 7".
        sides = {m.start(k) for m in _RESULT.finditer(article) for k in (1, 2)}
        found = []
        for i in range(1, len(doc)):
            # A side's name may open with a number word NER reads as a figure: "Meeteetse 54, Ten Sleep 30".
            number = doc[i].idx in sides and doc[i].is_alpha and doc[i].ent_type_ == "CARDINAL"
            if covered[i] and not number or not (
                    _capitalised(doc[i]) or game[i] and doc[i].is_alpha and doc[i].text[:1].isupper()
                    # A town's own officer may open a sentence: "Princeton Fire Chief Ronnie Sisk said"; so
                    # may towns listed before their places: "Baraga and L'Anse schools were closed".
                    or doc[i].is_title and doc[i].is_alpha and (_town_body(doc, i, covered, officer=True) or (
                        _listed_before_their_places(doc, i, _name_end(doc, i, covered))))):
                continue
            word = _local_word(doc, i)
            j = _name_end(doc, i, covered)
            # "The Goshen Volunteer Fire Department", "the Torrington Area Health District": a town's own body.
            body = _town_body(doc, i, covered)
            j = body or j
            # "the Munising food pantry", "the Moroni school's basement", "the Wheatland area": a town's own place.
            # Up to two words of what kind may come between: "the Samson volunteer fire department".
            own = word == "the" and any(j + k < len(doc) and (doc[j + k].lower_ in TOWN_PLACES or (
                # ... or its officer, after the office: "the Hancock fire chief", not "the Cherokee chief".
                k and doc[j + k].lower_ == "chief")) and all(
                t.is_lower and t.is_alpha for t in doc[j:j + k]) for k in range(3)) or (
                # ... or listed before their places: "the Rehobeth and Taylor exits".
                _listed_before_their_places(doc, i, j)) or (
                # ... or its school's player: "The Cookeville junior ran for 164 yards".
                word == "the" and j < len(doc) and doc[j].lower_ in _PLAYERS)
            # "Malakoff beat Eustace", "Covington swept Newton": a game between two capitalised sides.
            contest = word in _CONTESTS and i >= 2 and doc[i - 2].text[:1].isupper() or (
                j + 1 < len(doc) and doc[j].lower_ in _CONTESTS and _capitalised(doc[j + 1])) or (
                # ... or a verb and its particle: "Lovell held off Mountain View 28-21".
                j + 2 < len(doc) and doc[j].pos_ == "VERB" and doc[j + 1].lower_ in _CONTESTS | {"off"}
                and _capitalised(doc[j + 2]) and game[i]) or (
                word == "against" and any(t.lower_ in _GAMES for t in doc[max(0, i - 5):i - 1])) or (
                _plays_at(doc, j)) or _matchup(doc, i, j)
            # "crews from Dalby and Miles", "a man from Ladd": a town's people; "a crew drove in from Rawlins":
            # a trip's start
            crews = _from_a_town(doc, i)
            # A person's home: "State Rep. Carla Whitmore of Antlers", "Mary Jones, of Dalby,", "the Miller
            # family of Harwinton", and in a list of results "Adult: Peter Lutz, Morris." or "100 — Kenzie
            # Blevins, Chilhowie, 12.71."
            home = word == "of" and (i >= 2 and (doc[i - 2].ent_type_ == "PERSON" or doc[i - 2].lower_ in _KIN
                                                 or doc[i - 2].lower_ in _ONCE
                                                 # ... a survivor and spouse: "Lisa (Tom) Heims of Oelwein".
                                                 or i >= 3 and doc[i - 2].is_title and doc[i - 3].text == ")") or (
                i >= 3 and doc[i - 2].text == "," and doc[i - 3].ent_type_ == "PERSON")) or word == "," and (
                i >= 2 and doc[i - 2].ent_type_ == "PERSON" and j < len(doc) and (doc[j].text in {".", ";"} or (
                    doc[j].text == "," and j + 1 < len(doc) and doc[j + 1].text[:1].isdigit()))) or (
                # ... and a court list's name, age and home: "Kendrick Moore, 31, Marvell: burglary".
                word == "," and i >= 4 and doc[i - 2].text.isdigit() and len(doc[i - 2]) <= 3
                and doc[i - 3].text == "," and doc[i - 4].is_title and j < len(doc) and (doc[j].text in {":", ";"} or (
                    # ... its state after it: "Cody Blankenship, 28, Williamson, W.Va.: DUI".
                    j + 2 < len(doc) and doc[j].text == "," and doc[j + 1].text in _STYLEBOOK_FORMS
                    and doc[j + 2].text in {":", ";"}))) or (
                # ... or in brackets after the name: "Mia Crosby (Powell), Hadley Christensen (Cody)"; not a
                # spouse's name inside another's: "Karen (Dale) Hanson of Cresco".
                word == "(" and i >= 2 and doc[i - 2].ent_type_ == "PERSON" and j < len(doc) and doc[j].text == ")"
                and not (j + 1 < len(doc) and doc[j + 1].text[:1].isupper()))
            # A school's team names its town, not a co-op's: "Walker-Hackensack-Akeley beat Pine River-Backus 7-3".
            side = game[i] and not (doc[i - 1].text in {"-", "–"} and not doc[i - 1].whitespace_ or j < len(doc) and (
                doc[j].text in {"-", "–"} and not doc[j - 1].whitespace_))
            if not (word in _LOCAL_WORDS or contest or home or side or body or own) or (
                    word == "from" and doc[i].ent_type_ == "PERSON" and not crews):
                continue  # "a letter from Warren" is a person's; "travels to Kaufman", "held at Cynthiana" not
            text = doc[i:j].text
            if j < len(doc) and not body and (doc[j].text[:1].isupper() or doc[j].lower_ in _POSSESSIVE) or (
                    text in person_words and not own and doc[i].idx not in sides and not (contest and game[i])
                    or name_key(text) in self.demonyms
                    or _qualifies_a_noun(doc, j) and not own
                    or _in_the_sky(doc, i, j)):
                continue
            if self._local_town(text, regions, anchors, number or doc[i].ent_type_ in _OVERRIDABLE or not (
                    doc[i].ent_type_)) or (
                    self._town_of_the_place_after(doc, text, j)):
                found.append(Span(doc, i, j, label="GPE"))
                covered[i:j] = [True] * (j - i)
        return found

    def _described_as_places(self, doc: Doc, spans: list[Span]) -> list[Span]:
        """A name the next words call a town, even one NER calls a person: "Kaycee, a ranching town of
        about 260 people", "Tory Hill, a hamlet in Highlands East", "Mullen, the seat of Hooker County",
        "La Puntana, a Wichí community on the border".
        The kind word heads its phrase: "Smith, a town councillor" is a person."""
        covered = self._covered(doc, spans)
        found = []
        for comma in doc:
            k = comma.i + 1
            if comma.text != "," or k >= len(doc) or doc[k].lower_ not in _ARTICLES:
                continue
            while k + 1 < len(doc) and k - comma.i < 5 and doc[k + 1].lower_ not in _SEATS and (
                    doc[k + 1].is_lower or doc[k + 1].like_num or doc[k + 1].text == "-" or doc[k + 1].is_title) and (
                    doc[k + 1].pos_ not in ("ADP", "DET")):
                k += 1  # "a ranching town", "a Wichí community"; not "a villager in the Gondra district"
            kind = k + 1
            # ... and is no clause's subject: "Separately, the county will apply".
            if kind + 1 >= len(doc) or doc[kind].lower_ not in _SEATS or doc[kind + 1].pos_ in (
                    "NOUN", "PROPN", "PART", "AUX", "VERB") or doc[kind + 1].text in _POSSESSIVE:
                continue
            start = comma.i
            while start > 0 and comma.i - start < 3 and (_capitalised(doc[start - 1]) or doc[start - 1].is_sent_start
                                                       and doc[start - 1].text[:1].isupper()):
                start -= 1
            text = doc[start:comma.i].text
            if start == comma.i or any(covered[start:comma.i]) or name_key(text) in self.demonyms:
                continue
            found.append(Span(doc, start, comma.i, label="GPE"))
            covered[start:comma.i] = [True] * (comma.i - start)
        return found

    def _named_regions(self, spans: list[Span]) -> set[int]:
        """Every region and district any reading of a found name may be: what places a local town."""
        return {p.id for s in spans for p in self._places(s.text, (NAME, ALIAS, ABBREV))
                if p.kind in ("region", "district")}

    def _column_heads(self, doc: Doc, text: str, spans: list[Span]) -> list[Span]:
        """A police or court column opens each item with its town: "Christmas: A car struck a deer",
        "Au Train: Deputies responded" (a date and a work of art to NER). Where two items or more open
        with places, another item's head is one too when it is a town of a region the story names or
        near its towns. A date stays a date ("Monday: ...")."""
        heads = list(_COLUMN_HEAD.finditer(text)) if text.count(":") >= 3 else []
        starts = {s.start_char for s in spans}
        if sum(m.start(1) in starts for m in heads) < 2:
            return []
        regions = self._named_regions(spans)
        anchors = cache(lambda: self._anchors(spans))
        taken = self._covered(doc, [])
        found = []
        for m in heads:
            span = doc.char_span(m.start(1), m.end(1), label="GPE")
            if span is not None and m.start(1) not in starts and not any(
                    s.start < span.end and span.start < s.end for s in spans) and not any(
                    taken[span.start:span.end]) and self._local_town(span.text, regions, anchors, True):
                found.append(span)
        return found

    def _without_teams(self, doc: Doc, text: str, spans: list[Span]) -> list[Span]:
        """Drop the sides of a line of results that are named for a school or its district, not a
        place: "Blue Mountain 31, North Schuylkill 10", and "Tri-Valley stopped a two-point try" after
        it. A side is a place where it is a town of the story's regions or near its towns, a county, a
        state or a country ("Pottsville 28, Tamaqua 24", "White County 24", "Scotland 3, Canada 2")."""
        sides = {name for m in _RESULT.finditer(text) for name in m.group(1, 2)}
        if not sides:
            return spans
        regions = self._named_regions(spans)
        anchors = cache(lambda: self._anchors(spans))
        teams = {name for name in sides if not (
            self._names(name, (NAME, ALIAS, ABBREV), lambda p: p.kind in ("country", "region"))
            or name.split()[-1].lower() in COUNTY_ENDS and self._names(name, (NAME,), lambda p: p.kind == "district")
            or self._local_town(name, regions, anchors, True))}
        return [s for s in spans if s.text not in teams]

    def _town_headings(self, doc: Doc, text: str, spans: list[Span]) -> list[Span]:
        """A calendar's or a list's town headings, each alone on its line in capitals ("IONE", "MURTAUGH
        —"), are towns of the story's regions or near its towns; small ones too where two headings or
        more are towns of a thousand people or more ("SUTTER CREEK", "PINE GROVE")."""
        heads = [m for line in _TOWN_HEADING.finditer(text)
                 for m in _HEADING_ITEM.finditer(text, line.start(1), line.end(1))]
        if len(heads) < 2:
            return []
        starts = {s.start_char for s in spans}
        regions = self._named_regions(spans)
        anchors = cache(lambda: self._anchors(spans))
        taken = self._covered(doc, spans)
        open_heads = [span for m in heads if m.start(1) not in starts and (
            span := doc.char_span(m.start(1), m.end(1), label="GPE")) is not None and not any(
            taken[span.start:span.end])]
        towns = sum(m.start(1) in starts for m in heads) + sum(
            self._local_town(span.text, regions, anchors, False) for span in open_heads)
        if towns < 2:
            return []
        return [span for span in open_heads if self._local_town(span.text, regions, anchors, True)]

    def _local_town(self, text: str, regions: set[int], anchors: Callable[[], list[tuple[float, float]]],
                    untyped: bool) -> bool:
        """A town of one of `regions`, or near one of the towns the article surely names (`anchors`):
        of any size where NER read no date or number into the name ("in May" is no Texas village),
        else of 1,000 people or more."""
        return self._names(text, (NAME,), lambda p: p.kind == "city" and (untyped or p.population >= _LOCAL_TOWN) and (
            bool({p.admin1, p.admin2} & regions) or _near_any(p, anchors())))

    def _town_of_the_place_after(self, doc: Doc, text: str, end: int) -> bool:
        """"The ferry from [Hirtshals] in Denmark": a town, however small, of the country or region
        named right after "in"."""
        if end + 1 >= len(doc) or doc[end].lower_ != "in" or doc[end + 1].ent_type_ not in ("GPE", "LOC") or (
                doc[end + 1].ent_iob_ != "B"):
            return False
        outer = next(e for e in doc.ents if e.start == end + 1)
        holders = {key for p in self._places(outer.text, (NAME, ALIAS)) if p.kind in ("country", "region", "district")
                   for key in ((p.country,) if p.kind == "country" else (p.id,))}
        return self._names(text, (NAME,), lambda p: p.kind == "city" and not holders.isdisjoint(
            (p.country, p.admin1, p.admin2)))

    def _anchors(self, spans: list[Span]) -> list[tuple[float, float]]:
        """Points of the towns the article names that have no namesake of a tenth their size: where
        the story is, before anything is resolved ("Wagga Wagga", "Drumheller"; not "Richmond")."""
        points = []
        for span in spans:
            towns = sorted((p for p in self._places(span.text, (NAME,)) if p.kind == "city"),
                           key=lambda p: -p.population)
            if towns and (len(towns) == 1 or towns[0].population >= 10 * max(towns[1].population, 1)):
                points.append((towns[0].lat, towns[0].lon))
        return points

    def _listed_with_places(self, doc: Doc, spans: list[Span], surnames: set[str]) -> list[Span]:
        """Names listed beside places are places when the gazetteer knows them, however small:
        "the villages of Ceamurlia de Jos, Maliuc and Caraorman" (NER often calls them people)."""
        covered = self._covered(doc, spans)
        ends = {s.end for s in spans}
        starts = {s.start for s in spans}
        added: list[Span] = []
        grew = True
        while grew:
            grew = False
            i = 0
            while i < len(doc):
                # A sentence's first word only if NER took it for a name: "Bologna and Ravenna were...".
                if covered[i] or not (_capitalised(doc[i]) or doc[i].is_sent_start and (
                        doc[i].is_alpha or _ELIDED.fullmatch(doc[i].text)) and (
                        doc[i].text[:1].isupper() and doc[i].ent_type_ in _OVERRIDABLE)):
                    i += 1
                    continue
                j = i + 1
                while j < len(doc) and j - i < 4 and not covered[j] and (_capitalised(doc[j]) or (
                        doc[j].lower_ in _JOINERS - {"and"} and j + 1 < len(doc) and _capitalised(doc[j + 1]))):
                    j += 1
                hint = self._preceding_hint(doc, i, j)
                # "[Kent County] Council"; "the Giant's [Causeway]" (no Kiribati village)
                tail = i > 0 and (doc[i - 1].is_alpha and doc[i - 1].text[:1].isupper() or (
                    doc[i - 1].lower_ in _POSSESSIVE))
                if not tail and (hint or _glued(doc, ends, i, -1) or _glued(doc, starts, j, 1)) and self._listable(
                        doc, i, j, surnames):
                    span = Span(doc, i, j, label="GPE")
                    span._.kind_hint = hint
                    added.append(span)
                    covered[i:j] = [True] * (j - i)
                    ends.add(j)
                    starts.add(i)
                    grew = True
                i = j
        return added

    def _listable(self, doc: Doc, start: int, end: int, surnames: set[str]) -> bool:
        text = doc[start:end].text
        key = name_key(text)
        # A district's whole name without its kind word will do in a list: "Ngororero, Karongi and Rutsiro"
        # (GeoNames' Karongi District); not the head of a longer name ("Camden and Gee's Bend").
        whole = end == len(doc) or doc[end].lower_ not in _POSSESSIVE
        return (key not in self.demonyms and key not in _COMPASS and (self._is_exact_name(text) or whole and not (
            _ADJECTIVAL.search(key)) and self._names(text, (SHORT,), lambda p: p.kind == "district"))
                and not self._not_a_place(doc, start, end, surnames))


_STYLEBOOK_FORMS = frozenset(form for forms in STYLEBOOK_ABBREVIATIONS.values() for form in forms)


def _course_verb_follows(doc: Doc, i: int) -> bool:
    """A verb of a river's course at token i, or after words that only lead up to it: "the X rose",
    "the X eventually reaches", "the X was expected to peak"; not "the Amazon shares rose"."""
    for k in range(i, min(i + 4, len(doc))):
        if doc[k].lower_ in _COURSE_VERBS:
            return True
        if doc[k].pos_ not in ("ADV", "AUX", "PART") and doc[k].lower_ != "expected":
            return False
    return False


def _near_any(place: Place, points: list[tuple[float, float]], km: float = _ANCHOR_KM) -> bool:
    """Whether the place lies near one of the points (the towns that place a story)."""
    return any(distance_km(place.lat, place.lon, lat, lon) <= km for lat, lon in points)


def _within_a_days_drive(towns: list[list[Place]]) -> bool:
    """Whether a reading of the first name lies within a day's drive of a reading of each other one:
    towns a story lists together."""
    first, *rest = towns
    return any(all(_near_any(p, [(q.lat, q.lon) for q in others], _TOWNS_APART_KM) for others in rest)
               for p in first)


def _states_after_towns(doc: Doc, spans: list[Span]) -> list[Span]:
    """"Kingston, Ont.," where NER let the abbreviation go: a stylebook form after a place and a comma."""
    ends = {s.end for s in spans}
    starts = {s.start for s in spans}
    return [Span(doc, t.i, t.i + 1, label="GPE") for t in doc if t.text in _STYLEBOOK_FORMS and t.i >= 2
            and doc[t.i - 1].text == "," and t.i - 1 in ends and t.i not in starts]


def _keep_abbreviation_dots(nlp: Language) -> None:
    """"KAYCEE, Wyo. —": the dot is the abbreviation's, but spaCy's tokenizer knows only some of the
    stylebook's forms and splits the rest ("Wyo", "."). "Man." and "Vic." also end sentences."""
    split = {form: [{ORTH: form}] for forms in STYLEBOOK_ABBREVIATIONS.values() for form in forms
             if " " not in form and form not in {"Man.", "Vic."} and len(nlp.tokenizer(form)) > 1}
    if split:  # set together: each add_special_case reloads all 4,000 of the tokenizer's rules
        nlp.tokenizer.rules = {**(nlp.tokenizer.rules or {}), **split}


def _with_abbreviation_dot(doc: Doc, span: Span) -> Span:
    """"DAUPHIN, Man. —": the tokenizer leaves "Man." and "Vic." split, as they may end a sentence;
    after a place and a comma, the dot is the abbreviation's (without it "Man" is one of Amman's names)."""
    if not (span.end < len(doc) and doc[span.end].text == "." and f"{span.text}." in _STYLEBOOK_FORMS
            and span.start >= 1 and doc[span.start - 1].text == ","):
        return span
    wider = Span(doc, span.start, span.end + 1, label=span.label_)
    wider._.kind_hint = span._.kind_hint
    return wider


def _natural_feature(name: Span) -> bool:
    """A name its words make a lake, a creek, a range or a park, which NER often calls a facility:
    "Carr Fork Lake", "Troublesome Creek", "Browns Canyon", "Martinak State Park", "Lake Lindu".
    It is a place even where the gazetteer cannot place it; "the Brooklyn Bridge" and "Central Park"
    are not."""
    return _written_as_a_name(name) and (
        name[0].lower_ in _FEATURE_STARTS - {"cape"} or name[-1].lower_ in _NATURAL_ENDS or _park(name))


def _park_named(ent: Span) -> bool:
    """An organisation to NER that is a park by its words: "the Gene Howe Wildlife Management Area"."""
    name = ent[1:] if ent[0].lower_ == "the" else ent
    return _written_as_a_name(name) and _park(name)


def _written_as_a_name(name: Span) -> bool:
    """Two words or more, each capitalised but for particles and joiners: "Kershaw-Ryan State Park"."""
    return len(name) > 1 and all(t.text[:1].isupper() or t.lower_ in _NAME_PARTICLES | {"and", "of", "-"} for t in name)


def _park(name: Span) -> bool:
    """"Martinak State Park", "Gene Howe Wildlife Management Area", "Kershaw-Ryan State Park": a park
    or reserve by its last two words, whatever NER calls it."""
    last, kind = name[-1].lower_, name[-2].lower_ if len(name) > 1 else ""
    return last in _PARK_ENDS and kind in _PARK_KINDS or last == "area" and kind in _AREA_KINDS


def _in_the_sky(doc: Doc, start: int, end: int) -> bool:
    """"Return to Earth" is no town in Texas; "Mars, Pennsylvania" is one."""
    return name_key(doc[start:end].text) in _SKY and not (
        end + 1 < len(doc) and doc[end].text == "," and doc[end + 1].ent_type_ in ("GPE", "LOC"))


def _without_spaces(ent: Span) -> Span:
    """An entity without the line breaks NER sometimes runs into it ("Garissa\n" is one word)."""
    start, end = ent.start, ent.end
    while end > start and ent.doc[end - 1].is_space:
        end -= 1
    while start < end and ent.doc[start].is_space:
        start += 1
    return ent if (start, end) == (ent.start, ent.end) else Span(ent.doc, start, end, label=ent.label_)


def _odd_date(ent: Span) -> bool:
    """A "date" with no number or calendar word, a "number" of capitalised words only, or a "sum" with
    no number or currency: a name the tagger has never seen ("Junee", "Popayán", "south of [Kurigram]
    town", "Tags: #Jendouba")."""
    if ent.label_ == "CARDINAL":
        return all(t.is_alpha and t.is_title and not t.like_num for t in ent)
    if ent.label_ in ("MONEY", "QUANTITY", "PERCENT"):
        return not any(t.like_num or t.is_currency or t.is_digit for t in ent)
    return ent.label_ == "DATE" and not any(t.like_num or t.lower_ in _CALENDAR for t in ent)


def _line_starts(doc: Doc) -> list[int]:
    return [0] + [t.i + 1 for t in doc[:-1] if t.is_space and "\n" in t.text]


def _after_bullet(doc: Doc, i: int) -> int:
    """Where a list item's words begin: after "•", "-" or "2."."""
    if i < len(doc) and doc[i].text in {"•", "-", "*", "·", "–"}:
        return i + 1
    if i + 1 < len(doc) and doc[i].like_num and doc[i + 1].text in {".", ")"} and doc[i + 1].whitespace_:
        return i + 2
    return i


def _national_office_follows(doc: Doc, end: int) -> bool:
    """"Georgia's prime minister", "Niger's president": only a country has these offices."""
    return end + 1 < len(doc) and doc[end].lower_ in _POSSESSIVE and doc[end + 1].lower_ in _NATIONAL_OFFICES


def _spelling_of(key: str, name: str) -> bool:
    """Whether `key` is the name spelled another way, as a transliteration is, not another word; too
    short a word tells nothing ("Levi" is no spelling of Lévis)."""
    return len(key) >= _SPELLING_LENGTH and fuzz.ratio(key, name_key(name)) >= _SPELLING_RATIO


def _capitalised(tok: Token) -> bool:
    """A capitalised word inside a sentence, "O'Neill" as well as "Pender"."""
    return tok.text[:1].isupper() and (tok.is_alpha or _ELIDED.fullmatch(tok.text) is not None) and (
        not tok.is_sent_start)


def _written_lower(tok: Token, words: set[int]) -> bool:
    """Whether the article (the hashes of its words as written) also writes this capitalised word in
    lower case, as the common word it is."""
    return tok.text != tok.lower_ and hash_string(tok.lower_) in words


@cache
def _hashed(words: frozenset[str]) -> frozenset[int]:
    return frozenset(map(hash_string, words))


def _word_set(doc: Doc, attr: int) -> set[int]:
    """The hashes of the article's words (ORTH as written, LOWER in lower case), read in C rather than
    token by token (and faster than `doc.count_by`)."""
    return set(doc.to_array(attr).tolist())


def _has_any(doc: Doc, words: frozenset[str]) -> bool:
    """Whether any of the lower-case words occurs in the text: most rules look for a word most articles
    lack."""
    return not _hashed(words).isdisjoint(_word_set(doc, LOWER))


def _in_a_game(doc: Doc) -> list[bool]:
    """Which tokens stand in a sentence that gives a game's score: "Ponca ran away from Wynot 61-28",
    "Watertown 41, Wolcott 7". Local news names high-school teams by their towns."""
    game = [False] * len(doc)
    if len(doc) < 3:
        return game
    digits, orths = doc.to_array([IS_DIGIT, ORTH]).T
    dashes = (orths == hash_string("-")) | (orths == hash_string("–"))
    for i in map(int, (digits[:-2].astype(bool) & dashes[1:-1] & digits[2:].astype(bool)).nonzero()[0]):
        t, dash, other = doc[i], doc[i + 1], doc[i + 2]  # the tokenizer splits "61-28" in three
        if game[i] or len(t) > 3 or t.whitespace_ or dash.whitespace_ or len(other) > 3:
            continue
        before = doc[t.i - 1] if t.i else None
        after = doc[t.i + 3].lower_ if t.i + 3 < len(doc) else ""
        # A side's name or a word of winning by it: "Wynot 61-28", "won 54-41", "a 50-42 win"; not "9-11 attacks".
        if before is not None and (before.is_alpha and before.text[:1].isupper() and not before.is_stop or (
                before.lower_ in _WINS)) or after in _WINS:
            game[t.sent.start:t.sent.end] = [True] * len(t.sent)
    # A line of results: "Watertown 41, Wolcott 7", "Canton 27, Terryville 20".
    commas = orths == hash_string(",")
    for i in map(int, (digits[1:-2].astype(bool) & commas[2:-1]).nonzero()[0] + 1):
        t, before, side = doc[i], doc[i - 1], doc[i + 2]
        if game[i] or len(t) > 3 or not (before.is_alpha and before.text[:1].isupper() and not before.is_stop) or (
                not side.text[:1].isupper()):
            continue
        if any(doc[k].is_digit and len(doc[k]) <= 3 for k in range(i + 3, min(i + 6, len(doc)))):
            game[t.sent.start:t.sent.end] = [True] * len(t.sent)
            k = i - 1  # the first side's whole name, where the parser opened the sentence inside it
            while k >= 0 and doc[k].is_alpha and doc[k].text[:1].isupper():  # "Rural | Retreat 4, Chilhowie 3"
                game[k] = True
                k -= 1
    return game


def _named_later(doc: Doc, cue: int) -> int | None:
    """Where the names of a plural kind word begin when its clause runs on before them: "14 villages
    evacuated, among them Troviscal", "26 villages in its area were on a schedule, among them Bukovlak"."""
    for k in range(cue, min(cue + 10, len(doc) - 3)):
        if doc[k].text in {".", ";", ":"} or doc[k].is_space:
            return None
        if doc[k].text == "," and (doc[k + 1].lower_ == "among" and doc[k + 2].lower_ == "them" or (
                doc[k + 1].lower_ == "including")):
            start = k + 2 + (doc[k + 1].lower_ == "among")
            return start if doc[start].text[:1].isupper() else None
    return None


def _without_labels(text: str, spans: list[Span]) -> list[Span]:
    """A page's labels of links, tags and sharing are words, not places ("Czytaj także:", "Tagi:", "Deli:
    Facebook | X"), nor is the home page a trail of sections starts from ("Home › News"), and a credit's
    photographer is a person."""
    labels = [(m.start(), m.start(1)) for m in _LINKS.finditer(text)] + [
        (m.start(), m.start(m.lastindex)) for m in _TAGS.finditer(text)] + [m.span() for m in _LABEL.finditer(text)] + [
        m.span(1) for m in _CREDIT_TAIL.finditer(text)] + [m.span() for m in _SHARE.finditer(text)] + [
        m.span() for m in _HOME.finditer(text)]
    return [s for s in spans if not any(a <= s.start_char < b for a, b in labels)] if labels else spans


def _without_masthead(text: str, spans: list[Span]) -> list[Span]:
    """A page's first line over its trail of sections is the site's name ("BEIRA INTERIOR HOJE" over
    "Início › Região › Sertã"), and so is the name wherever the page repeats it ("(Beira Interior Hoje)",
    "Photo: Agrigento Oggi"): an organisation, whatever place it is named after."""
    head = _MASTHEAD.match(text)
    if head is None:
        return spans
    name = head.group(1).lower()
    if " " not in name.strip():  # a one-word site may be its town's name: only its credit in brackets
        name = f"({name})"
    lower = text.lower()
    return [s for s in spans if s.start_char >= head.end(1) and not any(
        lower.startswith(name, k) for k in range(max(0, s.start_char - len(name) + 1), s.start_char + 1))]


def _in_byline_name(doc: Doc, start: int, end: int) -> bool:
    """Whether the name is (part of) the reporter's in a line that opens "By", before the line's end, a
    comma, a bar or "in" and the town; not "By Monday the river had crested"."""
    k = start - 1
    while k >= 0 and start - k <= 3 and doc[k].text != "By" and doc[k].text[:1].isupper() and doc[k].is_alpha:
        k -= 1
    if k < 0 or doc[k].text != "By" or k > 0 and "\n" not in doc[k - 1].text:
        return False
    j = end
    while j < len(doc) and j - end < 3 and doc[j].text[:1].isupper() and doc[j].is_alpha:
        j += 1
    return j == len(doc) or "\n" in doc[j].text or doc[j].text in {",", "|", "in", "and"} or (
        "\n" in doc[j - 1].text_with_ws)


def _age_follows(doc: Doc, end: int) -> bool:
    """Whether a person's age follows the name, after the rest of the name, as court columns and
    obituaries give it: "Brittany Nicole Swain, 33, of Bath", "Darnell Washington, 19,", "Tyler R.
    Hamilton, 23,"."""
    k = end
    while k < len(doc) and k - end < 3 and (_capitalised(doc[k]) or re.fullmatch(r"[A-Z]\.", doc[k].text)):
        k += 1
    return k + 2 < len(doc) and doc[k].text == "," and doc[k + 1].is_digit and len(doc[k + 1]) <= 3 and (
        doc[k + 2].text == ",")


def _a_player(doc: Doc, end: int) -> bool:
    """"Charleston, a junior, made five 3-pointers": a name set off as a player is a person's."""
    return end + 3 < len(doc) and doc[end].text == "," and doc[end + 1].lower_ in {"a", "an"} and (
        doc[end + 2].lower_ in _PLAYER_ROLES and doc[end + 3].text == ",")


def _kin_name(doc: Doc, start: int, end: int) -> bool:
    """An obituary's family: "Dale (Karen) Delfosse", "a son, Tyler (Madison) Kinnard" (a first name
    before or inside a spouse's brackets, the surname after them), "his mother, Lorraine, of Eureka", and
    "14 great-grandchildren, among them Brooklyn, Austin, Lincoln and Paisley"."""
    if end - start == 1 and end + 1 < len(doc):
        if end + 3 < len(doc) and doc[end].text == "(" and doc[end + 2].text == ")" and (
                doc[end + 1].text[:1].isupper() and doc[end + 3].text[:1].isupper()):
            return True
        # ... the first of two parents so named: "the children of (the late) Harold and Edna (Gaines) Miller";
        of = start - 1 - 2 * (start >= 3 and doc[start - 1].lower_ == "late" and doc[start - 2].lower_ == "the")
        if end + 5 < len(doc) and doc[end].lower_ == "and" and of >= 1 and doc[of].lower_ == "of" and (
                doc[of - 1].lower_ in _KIN_SINGULARS | _KIN_PLURALS) and _kin_name(doc, end + 1, end + 2):
            return True
        # ... the first named after the kin's word, by home: "three sons, Paul of Somerset, Pa.".
        if start >= 2 and doc[start - 1].text == "," and doc[start - 2].lower_ in _KIN_SINGULARS | _KIN_PLURALS and (
                doc[end].lower_ == "of"):
            return True
        # ... and one named by kinship alone, set off by commas: "his mother, Lorraine, of Eureka".
        if start >= 2 and doc[start - 1].text == "," and doc[start - 2].lower_ in _KIN_SINGULARS and (
                doc[end].text in {",", ";", "."}):
            return True
        if start >= 2 and doc[start - 1].text == "(" and doc[end].text == ")" and (
                doc[start - 2].text[:1].isupper() and doc[end + 1].text[:1].isupper()):
            return True
    k = start - 1
    while k > 0 and start - k < 12 and (doc[k].text in {",", "and"} or doc[k].text[:1].isupper()):
        k -= 1
    return k >= 0 and doc[k].lower_ in {"them", "including"} and any(
        t.lower_ in _KIN_PLURALS for t in doc[max(0, k - 5):k])


def _before_of(ent: Span) -> Span:
    """A person NER ran into the town after "of": "Steve" of "Steve of Appleton"."""
    cut = next((t.i for t in ent[1:] if t.lower_ == "of"), ent.end)
    return ent if cut == ent.end else Span(ent.doc, ent.start, cut, label=ent.label_)


def _from_a_town(doc: Doc, i: int) -> bool:
    """Whether the "from" before token i says where people come from or a trip starts: "crews from
    Dalby", "a rancher from Leadore", "is from Cutler", "drove in from Rawlins", "from Cap-Pelé to
    Kouchibouguac"; not "a letter from Warren"."""
    if i < 2:
        return False
    k = i - 2
    while k > 0 and doc[k].ent_type_ in ("DATE", "TIME"):
        k -= 1  # "Engines came Tuesday from Burns"
    word = doc[k].lower_
    end = i
    while end < len(doc) and end - i < 5 and (doc[end].text[:1].isupper() or doc[end].text in {"-", "–"}):
        end += 1
    return word in _FROM_A_TOWN or word in _BE or i >= 3 and (
        word in {"in", "back", "over", "up", "down"} and doc[i - 3].lower_ in _TO_A_PLACE or (
            doc[i - 2].like_num and doc[i - 3].lower_ == "of")) or (  # "a family of five from Willmar"
        end < len(doc) and doc[end].lower_ == "to")  # a route: "from Batroun to the Syrian border"


def _plays_at(doc: Doc, end: int) -> bool:
    """"Laurel plays at Seaford": a side named before where it plays."""
    return end + 2 < len(doc) and doc[end].lower_ in {"plays", "play", "played"} and (
        doc[end + 1].lower_ == "at") and _capitalised(doc[end + 2])


def _matchup(doc: Doc, start: int, end: int) -> bool:
    """"the Laurel–Seaford game": either side of a dash between two capitalised names before a game."""
    def dash(k: int) -> bool:
        return 0 < k < len(doc) - 1 and doc[k].text in {"-", "–"} and not doc[k - 1].whitespace_ and (
            not doc[k].whitespace_)
    if dash(end) and end + 2 < len(doc) and _capitalised(doc[end + 1]):
        return doc[end + 2].lower_ in _GAMES
    return dash(start - 1) and start >= 2 and _capitalised(doc[start - 2]) and end < len(doc) and (
        doc[end].lower_ in _GAMES)


def _listed_before_their_places(doc: Doc, start: int, end: int) -> bool:
    """Whether the name at start:end is one of a list of two or more names before a plural of a town's
    own places: "the Rehobeth and Taylor exits", "Baraga and L'Anse schools", "the Marianna and Brinkley
    police departments"."""
    names, k = 1, end
    while k + 1 < len(doc) and doc[k].lower_ in _LIST_WORDS and _capitalised(doc[k + 1]):
        k += 1
        while k < len(doc) and _capitalised(doc[k]):
            k += 1
        names += 1
    b = start - 1
    while b > 0 and doc[b].lower_ in _LIST_WORDS and doc[b - 1].is_alpha and doc[b - 1].text[:1].isupper():
        b -= 1
        while b > 0 and doc[b - 1].is_alpha and doc[b - 1].text[:1].isupper() and not doc[b].is_sent_start:
            b -= 1
        names += 1
    return names > 1 and any(k + m < len(doc) and doc[k + m].lower_ in _TOWN_PLACES_PLURAL and all(
        t.is_lower and t.is_alpha for t in doc[k:k + m]) for m in range(3))


def _name_end(doc: Doc, start: int, covered: list[bool], most: int = 3) -> int:
    """Where a name of up to `most` capitalised words, none yet a place, that starts at `start` ends."""
    end = start + 1  # a sentence the parser opened inside the name does not end it: "Rural | Retreat 4"
    while end < len(doc) and end - start < most and not covered[end] and (_capitalised(doc[end]) or (
            doc[end].is_sent_start and doc[end].is_alpha and doc[end].text[:1].isupper())):
        end += 1
    return end


# A list's item of a name and its figure, after a bullet or none: "• Diamer: 5 points", "Welshpool: 4.91".
_FIGURE_ITEM = re.compile(r"^[•*·-]?[ \t]*([A-Z][^:()\d\n]*?)[ \t]*(?:\([^)\n]*\))?:[ \t]*\d", re.M)
# A table's line of a name and its figure: "London 9.1 inches", "Copper Harbor — 29.5".
_FIGURE_LINE = re.compile(r"^[ \t]*([A-Z][\w'’.]*(?:[ -][A-Z][\w'’.]*){0,2})[ \t]+(?:[—–-][ \t]*)?\d[\d.,]*"
                          r"(?:[ \t]+[a-z]+\.?)?[ \t]*$", re.MULTILINE)


def _runs(matches: Iterable[re.Match[str]]) -> list[list[re.Match[str]]]:
    """Matches of whole lines grouped into runs of lines one after another."""
    runs: list[list[re.Match[str]]] = []
    for m in matches:
        if runs and runs[-1][-1].end() + 1 == m.start():
            runs[-1].append(m)
        else:
            runs.append([m])
    return runs


# A line of results, or one of its games: "Blue Mountain 31, North Schuylkill 10".
_SIDE = r"([A-Z][\w'’.]*(?:[ -][A-Z][\w'’.]*){0,3})"
_RESULT = re.compile(rf"(?:^|[,;:.][ \t])[ \t]*{_SIDE} \d{{1,3}}, {_SIDE} \d{{1,3}}\b", re.MULTILINE)
# A town's heading in capitals, alone on its line as calendars and lists of transfers print it ("IONE",
# "MURTAUGH —"), or two or more listed ("STODDARD, SULLIVAN and SURRY", "CLIFF / GILA"), or opening a
# column's item before a dash ("BENSON and ST. DAVID — The parade is at 6").
_HEADING_TOWN = r"(?:Mc)?[A-Z][A-Z'’.]*(?:[ -](?:Mc)?[A-Z][A-Z'’.]*){0,3}"
# A line that is no sentence: a headline, a link's or a list's line ("Jugo strands Lastovo for third day").
_TITLE_LINE = re.compile(r"^[^\n]*[^\n.!?:;\"”’ \t][ \t]*$", re.M)
_HEADING_ITEM = re.compile(rf"({_HEADING_TOWN})(?=,| and| &| /|$)", re.M)
_TOWN_HEADING = re.compile(rf"^({_HEADING_TOWN}(?:(?:,| and| &| /),? {_HEADING_TOWN})*)"
                           r"(?:[ \t]+[—–-](?:[ \t]+[A-Z].*)?)?[ \t]*$", re.M)
# An item of a column that opens with a name and a colon, after a dash or bullet or none:
# "Au Train: Deputies responded", "— Munising: A caller reported".
_COLUMN_HEAD = re.compile(r"^(?:[—–•*-][ \t]*)?([A-Z][\w'’.-]*(?:[ -][A-Z][\w'’.-]*){0,3}):[ \t]+\S", re.M)


_ELIDED = re.compile(r"[A-Z][a-z]?['’][A-Z][a-z]+")  # "O'Neill", "D'Iberville"


def _listed_names(text: str) -> Iterator[tuple[int, re.Match[str]]]:
    """Where each tag of a page's tags lines, each item of its trail of sections, then each headline of
    its blocks of links and of its arrowed links, starts, with the name it may be (a tag or an item
    whole; a headline's first capitalised words)."""
    for line in _TAGS.finditer(text):
        items = 1 if line.group(1) is not None else 2
        for item in re.finditer(r"[^,;|·#]+", line.group(items)):  # "Tags: #Medjerda #Jendouba #جندوبة"
            if (name := re.match(r"\s*([^\W\d_][^,;|·()\d#]*?)\s*$", item.group())) and not name.group(1)[0].islower():
                yield line.start(items) + item.start(), name
    for line in _BREADCRUMB.finditer(text):  # "Início › Região › Sertã › English": a town's section
        for item in re.finditer(r"[ \t]*([^/›»]*[^/›»\s])[ \t]*", line.group()):
            yield line.start(), item
    # A block's later lines may repeat its label: "Lue myös: Muonio: snowmobile safaris booked out".
    lines = [(block.start(1) + line.start(2), line.group(2)) for block in _LINKS.finditer(text)
             for line in re.finditer(rf"(^[ \t]*{_LINK_WORDS}[ \t]*:[ \t]*|)([^\n]+)", block.group(1),
                                     re.MULTILINE | re.IGNORECASE)]
    lines += [(link.start(1), link.group(1)) for link in _ARROW_LINK.finditer(text)]
    # ... and a run of two bulleted headlines or more.
    bullets = list(_BULLETED_HEADLINE.finditer(text))
    if len(bullets) >= 2:
        lines += [(link.start(1), link.group(1)) for link in bullets]
    # ... and a numbered list of them under "MOST READ", in any language: "1. Lugo airport plan goes back".
    lines += [(link.start(1), link.group(1)) for run in _NUMBERED_HEADLINES.finditer(text)
              for link in _NUMBERED_HEADLINE.finditer(text, run.start(), run.end())]
    # One line may hold several headlines parted by middle dots: "Lees ook: Oshakati hospital gets new
    # maternity ward · Fishing quotas cut at Swakopmund".
    headlines = [(at + part.start(), part.group()) for at, line in lines for part in re.finditer(r"[^·]+", line)]
    for at, line in headlines:
        # Not a section's label ("Most read"): a headline has a few words.
        if len(line.split()) >= 4 and (name := _HEADLINE_NAME.match(line)):
            yield at, name
        # ... and a place after a word of where: "Fishing quotas cut at Swakopmund".
        for name in _HEADLINE_WHERE.finditer(line):
            yield at, name


def _town_body(doc: Doc, start: int, covered: list[bool], officer: bool = False) -> int | None:
    """Where the name of a town that starts at `start` ends, when a town's own body's name follows it
    ("Goshen Volunteer Fire Department", "Torrington Area Health District", "Salem Public Library"),
    or with `officer`, the title of one of its officers ("Princeton Fire Chief")."""
    end = start + 1
    while end < len(doc) and end - start < 2 and not covered[end] and _capitalised(doc[end]) and (
            doc[end].lower_ not in _TOWN_BODY_WORDS):
        end += 1
    k = end
    while k < len(doc) and k - end < 4 and doc[k].text[:1].isupper() and doc[k].lower_ in _TOWN_BODY_WORDS:
        k += 1
    # ... or its officer: "Princeton Fire Chief Ronnie Sisk", not a "Cherokee Chief".
    chief = k - end > 1 and doc[k - 1].lower_ == "chief"
    return end if k > end and (chief or doc[k - 1].lower_ in _TOWN_BODY_HEADS and not officer) else None


def share_plural_kind(doc: Doc, spans: list[Span]) -> None:
    """"Ramsey, Washington and Dakota counties", "the Kherson and Zaporizhzhia regions": a plural
    kind word after a list is every member's."""
    for k in range(len(spans) - 1, 0, -1):
        last = spans[k]
        word = doc[last.end].lower_ if last.end < len(doc) else ""
        if not (word.endswith("s") and word in TRIGGERS):
            continue
        j = k - 1
        while j >= 0 and _glued(doc, {spans[j].end}, spans[j + 1].start, -1):
            spans[j]._.kind_hint = spans[j]._.kind_hint or TRIGGERS[word]
            j -= 1


def _local_word(doc: Doc, i: int) -> str:
    """The word of place before token i: "near" after "nearby" ("in nearby Pullman") or a bearing's
    "of" ("east of Elkader"), "in" after "the town of"; "at" for "to" after a verb of travel, a way or
    a bearing ("travels to Kaufman", "roads to Borongan", "30 miles north to Anna"); for the second of a
    pair, the word before the first ("in Garu and Bawku")."""
    k = i - 1
    if doc[k].lower_ in _NEARBY or doc[k].lower_ == "of" and k >= 1 and doc[k - 1].lower_ in _COMPASS:
        return "near"  # "shares a school with neighboring Edgerton", "a campground east of Elkader"
    if doc[k].lower_ == "of" and k >= 1 and (doc[k - 1].lower_ in _SETTLEMENTS | _DWELLERS | _OF_A_TOWN or (
            doc[k - 1].text == "port") or k >= 3 and doc[k - 1].text == "," and doc[k - 2].like_num and (
            doc[k - 3].text == ",")):
        return "in"  # "the river island of Majuli", "the town of Preston", "residents of Bichi", "the port of
        # Paita", "the mayor of Aguaviva", "the outskirts of Bangula"; a person's age and town, as obituaries
        # and court columns give them: "Mary Ellen Rasmussen, 79, of Challis, died"
    if _home_of_a_person(doc, i):
        return "in"  # "Survivors include ... Evelyn Baker of Troy"
    word = doc[k].lower_
    if word in ("and", "or") or word == "to" and k >= 1 and doc[k - 1].lower_ in ("and", "or"):
        # "farmers in Garu and Bawku", "to Termoli and to Vasto": the word of place the pair opens with.
        last = k - 1 - (word == "to")
        start = last
        while start > 0 and last - start < 3 and doc[start].is_alpha and doc[start].text[:1].isupper():
            start -= 1
        if start < last and doc[start + 1].is_alpha and doc[start + 1].text[:1].isupper():
            return _local_word(doc, start + 1)
        return word
    if word == "to" and k >= 1 and (doc[k - 1].lower_ in _TO_A_PLACE or doc[k - 1].lower_ in _COMPASS or (
            k >= 2 and doc[k - 1].pos_ == "ADV" and doc[k - 2].lower_ in _TO_A_PLACE) or (
            doc[k - 1].lower_ in _ONWARD) or _route_start(doc, k)):  # "travel daily to Termoli"
        return "at"
    if word == "for" and k >= 1 and (doc[k - 1].lower_ in _SETTING_OUT or _route_start(doc, k, _SETTING_OUT)):
        return "at"  # "flights bound for Riyadh", "would leave Asunción for Bahía Negra"
    if word == "as" and k >= 2 and (doc[k - 1].lower_ == "far" or doc[k - 2].lower_ == "far" and (
            doc[k - 1].lower_ in _REACHES)):
        return "near"  # "teams from as far away as Valentine", "as far as Lafleche", "as far north as Nome"
    return word


def _home_of_a_person(doc: Doc, i: int) -> bool:
    """Whether token i follows "of" after a person's full name: "Evelyn Baker of Troy"."""
    return i >= 3 and doc[i - 1].lower_ == "of" and doc[i - 2].ent_type_ == "PERSON" and doc[i - 2].is_title and (
        doc[i - 3].ent_type_ == "PERSON" and doc[i - 3].ent_iob_ != "O" and doc[i - 2].ent_iob_ == "I")


def _caps_name_part(doc: Doc, i: int, j: int) -> bool:
    """Whether token j of a name in capitals that starts at token i carries it on past an apostrophe, an
    abbreviation's dot or a hyphen between capitals: "NUKU'ALOFA", "ST. JOHN'S", "SAINT-DENIS"."""
    tok, bare = doc[j], doc[j].text.replace("'", "").replace("’", "")
    if tok.text == ".":
        return j > i and not doc[j - 1].whitespace_ and doc[j - 1].text in _CAPS_ABBREVIATIONS
    if tok.text == "-":
        return j > i and j + 1 < len(doc) and not (doc[j - 1].whitespace_ or tok.whitespace_) and (
            doc[j + 1].text.isupper() and doc[j + 1].is_alpha)
    return bare.isalpha() and bare.isupper() and bare != tok.text


def _route_start(doc: Doc, k: int, openers: frozenset[str] = frozenset({"from"})) -> bool:
    """Whether the "to" (or "for") at token k ends a route that a capitalised name opened after one of
    `openers`: "sea trips from Roxas City to Masbate", "flights from Knock to Lanzarote"."""
    start = k - 1
    while start > 0 and k - start <= 3 and doc[start].is_alpha and doc[start].text[:1].isupper():
        start -= 1
    return start < k - 1 and doc[start].lower_ in openers


def site_word(doc: Doc, end: int) -> str | None:
    """"camp" or "crossing" where one follows the name ending at token `end`, after at most one word of
    what kind ("Ifo camps", "Kakuma refugee camp", "the Rafah border crossing")."""
    for k in (end, end + 1):
        if k < len(doc) and doc[k].lower_ in _SITE_WORDS:
            return _SITE_WORDS[doc[k].lower_]
        if k >= len(doc) or doc[k].lower_ not in _SITE_KINDS:
            return None
    return None


def _where_follows(doc: Doc, end: int) -> bool:
    """", where" after a name: what comes before is a place ("the road to Colenso, where the river...")."""
    return end + 1 < len(doc) and doc[end].text == "," and doc[end + 1].lower_ == "where"


def _container_follows(doc: Doc, end: int) -> bool:
    """", in" and a place after a name, across adjectives: "from McKenzie, in neighboring Carroll County"."""
    return _container_at(doc, end) is not None


def _container_at(doc: Doc, end: int) -> int | None:
    """Where the place of a ", in" after a name starts, past its adjectives; None if none follows."""
    k = end + 2
    if k >= len(doc) or doc[end].text != "," or doc[end + 1].lower_ != "in":
        return None
    while k < len(doc) and (doc[k].lower_ in _NEARBY or doc[k].lower_ in _COMPASS) and doc[k].is_lower:
        k += 1
    return k if k < len(doc) and doc[k].ent_type_ in ("GPE", "LOC") else None


def _names_a_road(doc: Doc, start: int, end: int) -> bool:
    """"38th Street", "Old Dalton Road" (up to two more words before the street's), "U.S. 68", "Ga. 20",
    "on Minnesota 40": the name is the road's, not a place."""
    if doc[end - 1].lower_ in _ROAD_WORDS:
        return True
    if end < len(doc) and doc[end].text.isdigit() and len(doc[end]) <= 3 and (
            doc[start:end].text.endswith(".") or end - start == 1 and start > 0 and (
                doc[start - 1].lower_ in _ON_A_ROAD) and not (
                end + 1 < len(doc) and (doc[end + 1].pos_ == "NOUN" or doc[end + 1].text == ","))):
        return True  # "stuck on Minnesota 40 near the state line"; not "on Kenya 40 years ago"
    if end + 1 < len(doc) and end - start == 1 and doc[end].text.isdigit() and 2 <= len(doc[end]) <= 3 and (
            doc[end + 1].lower_ in _ALONG_A_ROAD):
        return True  # "Montana 278 over Big Hole Pass", "Ohio 33 between Athens and Nelsonville"
    j = end
    while j < min(end + 2, len(doc)) and _capitalised(doc[j]) and doc[j].lower_ not in _ROAD_WORDS:
        j += 1
    return j < len(doc) and doc[j].lower_ in _ROAD_WORDS and doc[j].text[:1].isupper()  # "Hanford St."


def _disease_names(doc: Doc) -> set[str]:
    """Names the article gives a disease ("Marburg virus", "West Nile virus"), once per doc."""
    if _DISEASES_KEY not in doc.user_data:
        names = set()
        for word in doc:
            if word.lower_ in _DISEASE_WORDS:
                k = word.i
                while k > 0 and word.i - k < 3 and doc[k - 1].is_alpha and doc[k - 1].text[:1].isupper():
                    k -= 1
                if k < word.i:
                    names.add(doc[k:word.i].text)
        doc.user_data[_DISEASES_KEY] = names
    return doc.user_data[_DISEASES_KEY]


def _capitalised_next(doc: Doc, end: int) -> bool:
    """A capitalised word follows: the name opens a longer one ("Conway High beat Aynor")."""
    return end < len(doc) and doc[end].text[:1].isupper()


def _name_goes_back(doc: Doc, i: int) -> bool:
    """A longer name runs on into token i from before: "By Kelly [Bethel]", "Diario de la [Comarca]"; not
    a list's ("Guamote and Alausí") nor an office's letters ("MDRRMO Talacogon")."""
    k = i - 1
    while k > 0 and doc[k].lower_ in _JOINERS and doc[k].lower_ != "and":
        k -= 1
    return k >= 0 and doc[k].is_alpha and doc[k].text[:1].isupper() and not doc[k].is_upper and (
        k == i - 1 or doc[k].pos_ == "PROPN") and not doc[i].is_sent_start


def _talks_of_water(span: Span) -> bool:
    """Whether the span's sentence is about a river's water: "the Shoshone is iced over below the bridge"."""
    return any(t.lower_ in _WATER_TALK for t in span.sent)


def _qualifies_a_noun(doc: Doc, end: int) -> bool:
    """The name stands before a common noun like a brand: "Brent crude", "Nokia shares"."""
    return end < len(doc) and doc[end].pos_ == "NOUN" and doc[end].is_lower


def _party_letter(doc: Doc, i: int) -> bool:
    """A party's letter and hyphen set off after a politician's name: ", R-Texas", "(D-Calif.)"; not
    "D-Day" or "T-Mobile"."""
    return doc[i].text in {"R", "D", "I"} and i + 1 < len(doc) and doc[i + 1].text in {"-", "–"} and (
        i > 0 and doc[i - 1].text in {",", "("})


def _article_follows(doc: Doc, end: int) -> bool:
    """An article hyphened to the next word goes on with the name: "Jemaa el-Fnaa", "Ras al-Ain"."""
    return end + 2 < len(doc) and doc[end].lower_ in _JOINERS and doc[end + 1].text == "-" and (
        doc[end + 2].text[:1].isupper())


def _glued(doc: Doc, edges: set[int], at: int, step: int) -> bool:
    """A place span ends (step -1) or starts (step 1) one or two list words away from `at`, one of
    them perhaps a word of nearness: "Jackson and nearby Clinton"."""
    k = at - 1 if step < 0 else at
    words = 0
    near = False
    while 0 <= k < len(doc) and words < 3 and (doc[k].lower_ in _LIST_WORDS or (
            not near and doc[k].lower_ in _NEARBY and k > 0 and doc[k - 1].lower_ in _LIST_WORDS)):
        near = near or doc[k].lower_ in _NEARBY
        k += step
        words += 1
    return words > near and (k + 1 if step < 0 else k) in edges


@cache
def nationalities() -> dict[str, str]:
    """Nationality words ("Russian", "Ukrainians") -> the country they most often mean: the most
    populous one of those sharing the word ("Chinese" is China, "Congolese" the larger Congo).
    They are never places themselves, but tell the resolver which country an article is about."""
    from countryinfo import all_countries

    owners: dict[str, list[tuple[int, str]]] = {}
    for c in all_countries():
        info = c.info()
        code = (info.get("ISO") or {}).get("alpha2")
        if pycountry.countries.get(alpha_2=code or "") is None:
            continue  # gone: Serbia and Montenegro
        words = (info.get("demonym") or "").replace(",", "/").split("/")
        for word in (*words, *EXTRA_DEMONYMS.get(code, ())):
            key = name_key(word)
            if key and key != name_key(info.get("name") or ""):  # "Djibouti" is the place
                for form in (key, key + "s"):
                    owners.setdefault(form, []).append((int(info.get("population") or 0), code))
    return {key: max(found)[1] for key, found in owners.items()}


@Language.factory(
    "geomap_recognizer",
    default_config={"gazetteer_path": "", "labels": ["GPE", "LOC", "FAC"], "min_city_population": 20000},
)
def make_recognizer(nlp: Language, name: str, gazetteer_path: str, labels: list[str],
                    min_city_population: int) -> PlaceRecognizer:
    return PlaceRecognizer(nlp, name, shared_gazetteer(gazetteer_path), labels, min_city_population,
                           frozenset(nationalities()))


_GAZETTEERS: dict[str, Gazetteer] = {}


def shared_gazetteer(path: str = "") -> Gazetteer:
    """One open gazetteer per path and process: components built by name share it."""
    if path not in _GAZETTEERS:
        _GAZETTEERS[path] = Gazetteer(path or None)
    return _GAZETTEERS[path]
