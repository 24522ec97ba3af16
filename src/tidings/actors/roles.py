"""Role words: which nouns name an actor by its role, and with which sector.

The sectors come from the agent dictionaries (ngec/PLOVER_agents.txt, petrarch/Phoenix.agents.txt),
compiled into data/agents.tsv. A few words are set here because those dictionaries code them for
another use or lack them; each says why.
"""

from __future__ import annotations

from spacy.tokens import Token

# Words the agent dictionaries lack or code otherwise, with the sector they have in news about states.
ROLE_OVERRIDES = {
    # PLOVER_agents codes spokespeople as journalists (JRN); in news they speak for whoever they serve,
    # which the modifiers say ("foreign ministry spokesperson"); alone they most often speak for a government.
    "spokesperson": "GOV", "spokesman": "GOV", "spokeswoman": "GOV", "spokespeople": "GOV",
    "force": "MIL", "forces": "MIL", "troops": "MIL", "armed forces": "MIL",  # plural-only in the dictionaries
    "official": "GOV", "officials": "GOV", "leader": "GOV", "leadership": "GOV", "regime": "GOV",
    "national": "CVL", "nationals": "CVL", "resident": "CVL", "people": "CVL", "civilian": "CVL",
    # "the general said", "Iranian general Qasem Soleimani": an officer (the dictionaries know only the
    # ranks in full, "brigadier general"); "in general" is no one (resolve.py)
    "general": "MIL",
    "top diplomat": "GOV", "chief diplomat": "GOV", "foreign office": "GOV", "state department": "GOV",
    "counterpart": "", "country": "", "nation": "",  # resolved from context
    # The political opposition of a state: PLOVER_agents and Phoenix know only its members ("opposition
    # leader", "opposition activist", CVLOPP); news names the body itself as a doer ("the opposition said").
    "opposition": "OPP", "opposition group": "OPP", "opposition party": "OPP", "opposition movement": "OPP",
    "opposition force": "OPP", "opposition coalition": "OPP", "opposition bloc": "OPP",
    # The two parties of the United States (Phoenix codes DEMOCRATIC_PARTY as ~PTY), only where the article
    # is about the United States (see resolve.py); "House Republicans" are legislators.
    "republican": "PTY", "republicans": "PTY", "democrat": "PTY", "democrats": "PTY",
    # "the group", "the organisation": only as a definite reference back to a named one (resolve.py)
    "group": "", "organization": "", "organisation": "", "movement": "",
    # "the council", "the agency": only as a reference back to a named body of that head noun (resolve.py)
    "council": "", "agency": "", "committee": "", "commission": "", "party": "", "front": "", "alliance": "",
    "union": "", "league": "", "coalition": "", "fund": "", "brotherhood": "",
}

# Role nouns that name one person (singular) or people of that role (plural).
PERSON_NOUNS = {
    "minister", "president", "diplomat", "spokesperson", "spokesman", "spokeswoman", "official", "leader",
    "envoy", "ambassador", "premier", "chancellor", "counterpart", "secretary", "king", "queen", "prince",
    "emir", "general", "commander", "soldier", "officer", "judge", "lawmaker", "senator", "governor",
    "mayor", "adviser", "advisor", "aide", "delegate", "representative", "chief", "head", "prosecutor",
    "rebel", "protester", "protestor", "demonstrator", "militant", "fighter", "insurgent", "citizen",
    "national", "civilian", "journalist", "reporter", "negotiator", "legislator", "politician", "dictator",
    "monarch", "cleric", "activist", "student", "worker", "farmer", "resident", "mp", "deputy", "member",
    "investigator", "inspector", "trooper", "policeman", "policewoman", "colonel", "captain", "admiral",
    "marshal", "director", "chairman", "chairwoman", "chair", "speaker", "vice", "attorney", "people",
    "gunman", "attacker", "assailant", "guerrilla", "guerilla", "extremist", "separatist", "jihadist",
    "republican", "democrat",
}
# Capitalised party words of the United States.
US_PARTY_WORDS = {"republican", "republicans", "democrat", "democrats"}
# Government bodies named by what they do ("the Justice Department", "the Ministry of Defence"): the
# dictionaries list only some of them; any such body of a state is a government body (GOV), or of the
# sector its domain word has ("the Police Department": COP).
GOVERNMENT_BODIES = {"ministry", "department"}
# Nouns that, definite and singular, refer back to a named body: "The group said ...".
ANAPHORIC_BODIES = {"group", "organization", "organisation", "movement"}
# Nouns that, definite and singular, refer back to a named body with the same head noun ("the International
# Atomic Energy Agency ... the agency said"); those with a sector of their own ("the court") keep it otherwise.
NAMED_ANAPHORS = {"council", "agency", "committee", "commission", "party", "front", "alliance", "union", "league",
                  "coalition", "fund", "court", "tribunal", "brotherhood"}
# Lower-case words that may stand before such a noun ("the militant group"); armed ones want an armed group.
ARMED_WORDS = {"militant", "armed", "rebel", "terrorist", "extremist", "islamist", "jihadist", "insurgent",
               "guerrilla", "separatist", "terror", "paramilitary", "hardline", "radical"}
BODY_ANAPHOR_WORDS = ARMED_WORDS | {"hacker", "hacking", "political", "opposition", "activist", "rights",
                                    "advocacy", "humanitarian", "aid", "charity", "pro-democracy", "protest"}
# Plural nouns that name a body of people acting as one (kind organization, not group).
INSTITUTION_PLURALS = {"forces", "troops", "authorities", "police", "military"}
# Words that refer back to a state.
COUNTRY_NOUNS = {"country", "nation"}
INSTITUTIONS = {
    "government", "ministry", "army", "military", "police", "court", "parliament", "congress", "senate",
    "administration", "cabinet", "authorities", "authority", "regime", "navy", "force", "forces", "troops",
    "office", "department", "agency", "embassy", "council", "junta", "leadership", "legislature",
    "opposition",
}


def sector_for(phrase: str, agents: dict[str, str]) -> str | None:
    """The sector of a role phrase ('foreign minister'), or None when it is no role word."""
    if phrase in ROLE_OVERRIDES:
        return ROLE_OVERRIDES[phrase]
    return agents.get(phrase)


def is_person_noun(token: Token) -> bool:
    lemma = token.lemma_.lower()
    return lemma in PERSON_NOUNS or token.lower_ in PERSON_NOUNS or (
        token.tag_ == "NNPS" and token.lower_.endswith("s") and token.lower_[:-1] in PERSON_NOUNS)  # "Rebels"


def is_plural(token: Token) -> bool:
    return token.tag_ in ("NNS", "NNPS") or token.lower_ in ("troops", "forces", "authorities", "people",
                                                            "police")


def role_kind(head: Token) -> str:
    """person, organization or group for a role noun phrase with this head."""
    low = head.lower_
    if low in INSTITUTION_PLURALS or head.lemma_.lower() in INSTITUTIONS and not is_person_noun(head):
        return "organization"
    if is_person_noun(head):
        return "group" if is_plural(head) else "person"
    return "organization"
