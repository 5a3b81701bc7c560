"""The NSE message check: the guideline's own examples and realistic paraphrases written for these tests."""

from __future__ import annotations

import pytest

from tests.conftest import ROOT, run_toolbox
from toolbox import models as m
from toolbox.catalog import load_catalog
from toolbox.nse_check import check, normalise

# Realistic announcements staff might write that follow the guidelines (none should be flagged).
NEUTRAL = [
    "Beste student, de Nationale Studenten Enquête is weer begonnen. Vul hem in en laat weten wat jij van je opleiding vindt.",
    "Jouw mening telt! Vul de NSE in; het kost je ongeveer 15 minuten.",
    "Vanaf 12 januari kun je de NSE invullen. Je ontvangt een persoonlijke link in je studentenmail.",
    "We plannen in de SLB-les van donderdag een kwartier in waarin je rustig de enquête kunt invullen.",
    "Twijfel je of je mee moet doen? Elke stem helpt: hoe meer studenten meedoen, hoe betrouwbaarder het beeld.",
    "Vorig jaar gaven studenten aan dat het rooster te laat bekend was. Daarom publiceren we het rooster nu zes weken vooraf.",
    "Met jullie antwoorden uit de NSE hebben we de feedback op opdrachten verbeterd. Doe ook dit jaar mee!",
    "Scholieren die een studie kiezen kijken op Studiekeuze123 naar de ervaringen van studenten zoals jij.",
    "Geef eerlijk aan wat je vindt, zowel wat goed gaat als wat beter kan.",
    "De enquête is anoniem: je antwoorden worden niet gekoppeld aan je naam of studentnummer.",
    "Herinnering: de NSE sluit op 8 maart. Heb je hem nog niet ingevuld? Je vindt de link in je mail.",
    "De resultaten bespreken we in de opleidingscommissie en we laten je weten wat we ermee doen.",
    "Op de schermen in de hal en op Instagram zie je de komende weken berichten over de NSE.",
    "Neem even de tijd voor de NSE. Je helpt er toekomstige studenten en je eigen opleiding mee.",
    "Docenten: vertel je studenten dat de NSE loopt en waarom hun mening waardevol is.",
    "Je mag de vragenlijst invullen op je laptop of telefoon, wanneer het jou uitkomt.",
    "Heb je vragen over privacy? Op de site van het LCSK lees je hoe met je gegevens wordt omgegaan.",
    "Door eerdere uitkomsten van de NSE hebben we meer ruimte gemaakt voor persoonlijke begeleiding.",
    "Wat vind jij van de begeleiding, de docenten en de toetsing? Laat het ons weten in de NSE.",
    "Je antwoorden helpen de opleiding om het onderwijs te verbeteren.",
    "Na afloop van het veldwerk worden de resultaten in mei gepubliceerd.",
    "Studentassistenten staan in de pauze bij de kantine met informatie over de enquête.",
    "Ook kritische feedback is welkom: vul de NSE eerlijk in.",
    "Deze week ontvang je een uitnodiging voor de NSE. Het invullen duurt ongeveer een kwartier.",
]

# Realistic steering announcements, each with the rule it breaks.
STEERING = [
    ("Vul de NSE in en geef onze opleiding een 9 of hoger!", "hoge-oordelen"),
    ("Help ons aan hoge scores in de NSE, dan blijft onze opleiding aantrekkelijk.", "hoge-oordelen"),
    ("We rekenen op jullie: beoordeel de opleiding positief in de enquête.", "hoge-oordelen"),
    ("Wees niet te kritisch als je de NSE invult, de docenten doen echt hun best.", "hoge-oordelen"),
    ("Laat in de NSE zien hoe tevreden je bent over je opleiding!", "hoge-oordelen"),
    ("Geef ons een dikke voldoende in de Nationale Studenten Enquête.", "hoge-oordelen"),
    ("Zorg dat we dit jaar hoog scoren in de NSE.", "hoge-oordelen"),
    ("Vul de enquête positief in, dan helpen we elkaar.", "hoge-oordelen"),
    ("Een score van minimaal een 8 zou geweldig zijn!", "hoge-oordelen"),
    ("Vorig jaar stonden we in de Keuzegids op plek 2. Vul de NSE in en help ons die positie te houden!", "ranking"),
    ("Hoe beter de NSE-scores, hoe meer je diploma straks waard is.", "ranking"),
    ("Onze opleiding staat bovenaan in Elsevier; met jouw oordeel houden we dat zo.", "ranking"),
    ("Denk aan de waarde van je diploma als je de NSE invult.", "ranking"),
    ("Met goede NSE-resultaten stijgen we in de ranking van Elsevier Weekblad.", "ranking"),
    ("Samen houden we onze opleiding in de top 3 van de Keuzegids!", "ranking"),
    ("Vermeld in de NSE vooral wat goed gaat; verbeterpunten kun je bij je mentor kwijt.", "alleen-wat-goed-gaat"),
    ("Klachten horen niet in de NSE thuis: meld ze liever bij de opleidingscommissie.", "alleen-wat-goed-gaat"),
    ("Noem in de enquête alleen de positieve dingen, kritiek bespreken we intern.", "alleen-wat-goed-gaat"),
    ("Heb je kritiek? Mail ons rechtstreeks, dan hoeft het niet in de NSE.", "alleen-wat-goed-gaat"),
    (
        "Vul in de NSE alleen de sterke punten van de opleiding in; verbeterpunten kun je via de evaluatie doorgeven.",
        "alleen-wat-goed-gaat",
    ),
    ("Bewaar je klachten voor het studentenpanel, in de NSE gaat het om wat goed gaat.", "alleen-wat-goed-gaat"),
    ("Voordat jullie de NSE invullen, kijken we eerst samen het promotiefilmpje van de hogeschool.", "promotiefilm"),
    ("We starten het invulmoment met onze nieuwe wervingsvideo, daarna vul je de enquête in.", "promotiefilm"),
    ("Bekijk eerst even de aftermovie van de introductieweek en vul dan de NSE in.", "promotiefilm"),
    (
        "Tijdens de les laten we de promovideo van de opleiding zien voor het invullen van de vragenlijst.",
        "promotiefilm",
    ),
]


# Written after the rules were tuned on the lists above and never used to tune them: an honest
# estimate for unseen text (measured: precision 1.00, recall 0.80).
HELD_OUT_NEUTRAL = [
    "Hoi allemaal! De NSE staat weer open. Vertel ons wat je écht vindt van je studie.",
    "In week 3 reserveren we tijd in het mentoruur om de NSE in te vullen.",
    "Jouw feedback is belangrijk voor toekomstige studenten die een opleiding kiezen.",
    "Wat ging er goed en wat kan beter? De NSE is jouw kans om dat te zeggen.",
    "Dankzij jullie feedback in de NSE hebben we het aantal contacturen uitgebreid.",
    "Geen tijd gehad? De enquête blijft open tot en met 8 maart.",
    "Je vult de NSE anoniem in; niemand van de opleiding ziet jouw antwoorden.",
    "De respons was vorig jaar laag, waardoor onze resultaten niet gepubliceerd konden worden. Doe dit jaar mee!",
    "Bekijk op de site van de NSE de uitleg over hoe de vragenlijst werkt.",
    "Het invullen kost je zo'n 15 minuten. Alvast bedankt!",
]
HELD_OUT_STEERING = [
    "Een 10 voor je opleiding? Laat het zien in de NSE!",
    "Hoe hoger jullie ons waarderen in de NSE, hoe beter voor iedereen.",
    "Wil je dat we weer de beste opleiding van Nederland worden? Vul de NSE positief in!",
    "Onze plek in de Keuzegids hangt van jou af.",
    "Goede NSE-resultaten maken jouw diploma meer waard op de arbeidsmarkt.",
    "Vergeet niet: in de NSE alleen positieve feedback, de rest kun je in de evaluaties kwijt.",
    "Minpunten? Die bespreken we liever in de klas dan in de NSE.",
    "We beginnen het invulmoment met een korte film over wat onze hogeschool allemaal te bieden heeft.",
    "Voor het invullen van de NSE tonen we de nieuwe campagnevideo.",
    "Laat zien dat je trots bent op je opleiding: geef ons een hoog cijfer!",
]


@pytest.fixture(scope="module")
def rules() -> m.NseRules:
    cat = load_catalog(ROOT)
    assert cat.nse_rules is not None
    return cat.nse_rules


@pytest.fixture(scope="module")
def communication() -> m.Communication:
    cat = load_catalog(ROOT)
    assert cat.communication is not None
    return cat.communication


def test_guideline_neutral_examples_pass(rules: m.NseRules, communication: m.Communication) -> None:
    assert len(communication.neutral_examples) == 4
    for text in communication.neutral_examples:
        assert check(text, rules) == [], text


def test_guideline_steering_examples_flagged_by_their_own_rule(
    rules: m.NseRules, communication: m.Communication
) -> None:
    assert len(communication.steering_examples) == 4
    by_example = {r.example: r.id for r in rules.rules}
    for text in communication.steering_examples:
        flagged = {f.rule.id for f in check(text, rules)}
        assert by_example[text] in flagged, text


def test_every_rule_cites_the_guidelines(rules: m.NseRules, communication: m.Communication) -> None:
    assert {r.example for r in rules.rules} == set(communication.steering_examples)
    for rule in rules.rules:
        assert set(rule.suggestions) <= set(communication.neutral_examples)


def test_precision_and_recall_on_paraphrases(rules: m.NseRules) -> None:
    assert len(NEUTRAL) >= 20 and len(STEERING) >= 20
    flagged_neutral = [t for t in NEUTRAL if check(t, rules)]
    missed = [t for t, _ in STEERING if not check(t, rules)]
    wrong_rule = [(t, r) for t, r in STEERING if check(t, rules) and r not in {f.rule.id for f in check(t, rules)}]
    tp = len(STEERING) - len(missed)
    precision = tp / (tp + len(flagged_neutral))
    recall = tp / len(STEERING)
    rule_accuracy = (tp - len(wrong_rule)) / len(STEERING)
    print(
        f"\nNSE check: {len(NEUTRAL)} neutral, {len(STEERING)} steering paraphrases; "
        f"precision {precision:.2f}, recall {recall:.2f}, right rule {rule_accuracy:.2f}"
    )
    print("false positives:", flagged_neutral)
    print("missed:", missed)
    print("wrong rule:", wrong_rule)
    assert precision >= 0.9
    assert recall >= 0.9


def test_normalise_keeps_positions() -> None:
    text = "Vóór het invullen van de enquête: İstanbul 😀 ß"
    assert len(normalise(text)) == len(text)
    assert normalise("Vóór de ENQUÊTE") == "voor de enquete"


def test_cli_exit_codes_and_dutch_report(tmp_path: pytest.TempPathFactory) -> None:
    bad = tmp_path / "bericht.txt"  # type: ignore[operator]
    bad.write_text("Beste studenten,\nGeef de opleiding een 10 in de NSE!\n", encoding="utf-8")
    result = run_toolbox(ROOT, "nse-check", str(bad))
    assert result.returncode == 1
    assert "Aansporen tot hoge oordelen" in result.stdout
    assert f"{bad}:2:1: gevonden: ‘Geef de opleiding een 10’" in result.stdout
    assert "Iedere vorm waarin wordt aangespoord tot het geven van hoge oordelen." in result.stdout
    assert "‘Laat je stem horen over je opleiding of onderwijsinstelling.’" in result.stdout
    assert "hulpmiddel, geen oordeel" in result.stdout

    good = tmp_path / "goed.txt"  # type: ignore[operator]
    good.write_text("Laat je stem horen over je opleiding of onderwijsinstelling.", encoding="utf-8")
    result = run_toolbox(ROOT, "nse-check", str(good))
    assert result.returncode == 0, result.stdout
    assert "Geen sturende formuleringen gevonden" in result.stdout


@pytest.mark.parametrize(
    ("old", "new", "message"),
    [
        # a rule's example must be a quote from the guidelines
        (
            'example: "Iedere vorm waarin',
            'example: "Elke vorm waarin',
            "'example' moet letterlijk een van de 'steering_examples'",
        ),
        # a pattern the browser's RegExp cannot read (lookbehind is refused)
        ("- '\\bkeuzegids\\b'", "- '(?<=de )keuzegids'", "werkt niet in de browser"),
    ],
    ids=["example-not-quoted", "pattern-not-for-browsers"],
)
def test_bad_rules_are_refused(repo: pytest.TempPathFactory, old: str, new: str, message: str) -> None:
    path = repo / "content" / "nse-regels.yaml"  # type: ignore[operator]
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    result = run_toolbox(repo, "validate")  # type: ignore[arg-type]
    assert result.returncode == 1
    assert "content/nse-regels.yaml:" in result.stderr
    assert message in result.stderr


def test_held_out_paraphrases(rules: m.NseRules) -> None:
    """Reported, not tuned: a floor that catches regressions without pretending to be a target."""
    tp = sum(1 for t in HELD_OUT_STEERING if check(t, rules))
    fp = sum(1 for t in HELD_OUT_NEUTRAL if check(t, rules))
    precision, recall = tp / max(tp + fp, 1), tp / len(HELD_OUT_STEERING)
    print(f"\nNSE check, held out: precision {precision:.2f}, recall {recall:.2f}")
    assert precision >= 0.9
    assert recall >= 0.7
