"""The corpus tools (bench/corpus): working annotations become offsets and hashes, and a local copy
is checked against the manifest. Run on a small corpus written in tmp_path (our own sentences)."""

from __future__ import annotations

import importlib.util
import json
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest

CORPUS_TOOLS = Path(__file__).resolve().parents[2] / "bench" / "corpus"

ARTICLE = ("وزير الإعلام يفتتح الملتقى\n\n"
           "مسقط - قال معالي الدكتور عبدالله بن ناصر الحراصي وزير الإعلام: «الملتقى منصة للحوار»، "
           "وأكد أن الإعلام شريك في التنمية. وشارك في الملتقى أكثر من 300 إعلامي.\n"
           "وأضاف الحراصي: «الملتقى منصة للحوار» في كل دورة.\n")


def load(name: str):
    """A corpus tool as a module (the scripts are not in a package)."""
    if str(CORPUS_TOOLS) not in sys.path:
        sys.path.insert(0, str(CORPUS_TOOLS))
    if name == "layout":
        return importlib.import_module("corpus_layout")
    module_name = f"corpus_tool_{name}"
    if module_name not in sys.modules:
        where = CORPUS_TOOLS.parent if name == "extraction" else CORPUS_TOOLS  # the benchmark is bench/extraction.py
        spec = importlib.util.spec_from_file_location(module_name, where / f"{name}.py")
        sys.modules[module_name] = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(sys.modules[module_name])
    return sys.modules[module_name]


def working_file(**changes) -> dict:
    work = {"id": "oman-minister-forum", "address": "https://example.org/news/1", "outlet": "صحيفة المثال",
            "outlet_slug": "example", "country": "OM", "genre": "ministerial", "complete": True,
            "quotes": [
                {"text": "الملتقى منصة للحوار", "occurrence": 1, "kind": "direct",
                 "speaker": "عبدالله بن ناصر الحراصي", "speaker_kind": "person",
               "title": "وزير الإعلام",
                 "organisation": None},
                {"text": "الإعلام شريك في التنمية", "kind": "indirect", "speaker": "عبدالله بن ناصر الحراصي",
                 "speaker_kind": "person", "title": "وزير الإعلام", "organisation": None},
                {"text": "الملتقى منصة للحوار", "occurrence": 2, "kind": "continuation",
                 "speaker": "عبدالله بن ناصر الحراصي", "speaker_kind": "person",
               "title": None,
                 "organisation": None}],
            "figures": [{"text": "أكثر من 300 إعلامي", "value": 300, "unit": "people", "counts": "media people"}]}
    work.update(changes)
    return work


@pytest.fixture
def corpus(tmp_path: Path):
    layout = load("layout")
    paths = layout.CorpusPaths(tmp_path / "corpus")
    paths.texts.mkdir(parents=True)
    paths.work.mkdir()
    paths.text_path("oman-minister-forum").write_text(ARTICLE, encoding="utf-8", newline="\n")
    paths.work_path("oman-minister-forum").write_text(json.dumps(working_file(), ensure_ascii=False), encoding="utf-8")
    return paths, tmp_path / "manifest.tsv", tmp_path / "annotations"


def test_annotation_holds_offsets_and_hashes_that_check_verifies(corpus) -> None:
    paths, manifest, folder = corpus
    annotate, check, layout = load("annotate"), load("check"), load("layout")
    assert annotate.annotate(paths, ["oman-minister-forum"], folder) == 0
    annotate.refresh_manifest(paths, manifest)
    annotation = json.loads((folder / "oman-minister-forum.json").read_text(encoding="utf-8"))
    first, _, repeated = annotation["quotes"]
    assert layout.span_text(ARTICLE, first["text"]) == "الملتقى منصة للحوار"
    assert repeated["text"]["start"] > first["text"]["start"]  # occurrence 2 is the second place
    assert layout.span_text(ARTICLE, repeated["speaker"]) == "عبدالله بن ناصر الحراصي"
    assert repeated["kind"] == "continuation" and first["organisation"] is None
    assert annotation["figures"][0]["value"] == 300
    assert "الملتقى" not in (folder / "oman-minister-forum.json").read_text(encoding="utf-8")  # no quoted words
    assert check.check(paths, manifest, folder) == []


def test_a_string_not_in_the_article_or_a_quote_with_its_marks_is_refused(corpus, capsys) -> None:
    paths, _, folder = corpus
    annotate = load("annotate")
    work = working_file()
    work["quotes"][0]["text"] = "«الملتقى منصة للحوار»"
    work["quotes"][1]["speaker"] = "عبد الله الحراصي"
    paths.work_path("oman-minister-forum").write_text(json.dumps(work, ensure_ascii=False), encoding="utf-8")
    assert annotate.annotate(paths, ["oman-minister-forum"], folder) == 1
    printed = capsys.readouterr().out
    assert "quote 1: the span keeps the quotation marks «» around it" in printed
    assert "quote 2 speaker: not found in the article" in printed
    assert not (folder / "oman-minister-forum.json").exists()


def test_quotation_marks_inside_a_quote_are_fine_around_it_not() -> None:
    annotate = load("annotate")
    assert annotate.quotation_problem("«كونا» أثبتت دورها") is None
    assert annotate.quotation_problem('زيارته خطوة "تأتي للتأكيد"') is None
    assert "around it" in annotate.quotation_problem("«الملتقى منصة للحوار»")
    assert "unmatched" in annotate.quotation_problem("الملتقى منصة للحوار»")
    assert "edge" in annotate.quotation_problem("الملتقى منصة للحوار.")


def test_the_manifest_keeps_other_peoples_rows_sorted(corpus) -> None:
    paths, manifest, _ = corpus
    annotate, layout = load("annotate"), load("layout")
    other = dict.fromkeys(layout.MANIFEST_COLUMNS, "x") | {"id": "aaa-other"}
    layout.write_manifest({"aaa-other": other}, manifest)
    annotate.refresh_manifest(paths, manifest)
    rows = layout.read_manifest(manifest)
    assert list(rows) == ["aaa-other", "oman-minister-forum"]
    assert rows["oman-minister-forum"]["sha256"] == layout.sha256_hex(ARTICLE.encode("utf-8"))
    assert rows["oman-minister-forum"]["outlet"] == "example"


def test_check_names_missing_changed_and_extra_texts(corpus) -> None:
    paths, manifest, folder = corpus
    annotate, check = load("annotate"), load("check")
    annotate.annotate(paths, ["oman-minister-forum"], folder)
    annotate.refresh_manifest(paths, manifest)
    paths.text_path("stray").write_text("نص", encoding="utf-8")
    paths.text_path("oman-minister-forum").write_text(ARTICLE.replace("300", "400"), encoding="utf-8")
    problems = check.check(paths, manifest, folder)
    assert any(line.startswith("oman-minister-forum: changed") for line in problems)
    assert "stray: extra text, not in the manifest (annotate it or remove it)" in problems
    paths.text_path("oman-minister-forum").write_bytes(ARTICLE.replace("\n", "\r\n").encode("utf-8"))
    assert any("CR line ends" in line for line in check.check(paths, manifest, folder))
    paths.text_path("oman-minister-forum").unlink()
    problems = check.check(paths, manifest, folder)
    assert "oman-minister-forum: missing (retrieve it from https://example.org/news/1)" in problems


def test_check_finds_a_span_whose_words_moved(corpus) -> None:
    paths, manifest, folder = corpus
    annotate, check = load("annotate"), load("check")
    annotate.annotate(paths, ["oman-minister-forum"], folder)
    annotate.refresh_manifest(paths, manifest)
    target = folder / "oman-minister-forum.json"
    annotation = json.loads(target.read_text(encoding="utf-8"))
    annotation["figures"][0]["text"]["start"] += 1
    target.write_text(json.dumps(annotation), encoding="utf-8")
    span = annotation["figures"][0]["text"]
    assert check.check(paths, manifest, folder) == [
        f"oman-minister-forum: figure 1 text: span {span['start']}-{span['end']} no longer holds the annotated words"]


def test_a_speaker_is_right_when_the_proposal_holds_first_and_last_name() -> None:
    scoring = load("corpus_scoring")
    assert scoring.right_speaker("د. عبدالله الحراصي", "عبدالله بن ناصر الحراصي")
    assert scoring.right_speaker("معالي عبد الله بن ناصر الحراصى", "عبدالله بن ناصر الحراصي")
    assert not scoring.right_speaker("عبدالله بن ناصر", "عبدالله بن ناصر الحراصي")
    assert not scoring.right_speaker(None, "عبدالله بن ناصر الحراصي")
    assert scoring.right_speaker(None, None) and not scoring.right_speaker("الحراصي", None)


def test_outlet_halves_are_balanced_by_articles_and_do_not_depend_on_order() -> None:
    scoring = load("corpus_scoring")
    outlets = ["wam"] * 5 + ["spa"] * 4 + ["kuna", "bna", "qna", "ona", "alroya", "alwatan"] * 1
    half_a, half_b = scoring.outlet_halves(outlets)
    assert sorted(half_a + half_b) == sorted(set(outlets)) and not set(half_a) & set(half_b)
    sizes = [sum(outlets.count(outlet) for outlet in half) for half in (half_a, half_b)]
    assert abs(sizes[0] - sizes[1]) <= 5
    assert scoring.outlet_halves(reversed(outlets)) == (half_a, half_b)


def test_scoring_counts_continuations_as_quotes_and_matches_by_half_overlap() -> None:
    scoring = load("corpus_scoring")
    from archive.importing.extraction import extract

    quoted = "الملتقى منصة للحوار"
    reported = "الإعلام شريك في التنمية"
    continued = "المشاركة بلغت مستوى غير مسبوق في هذه الدورة"
    text = (f"قال وزير الإعلام عبدالله بن ناصر الحراصي: «{quoted}». وأكد الوزير أن {reported}. "
            f"وأشار إلى أن {continued}. وشارك أكثر من 300 إعلامي.\n")
    spans = [(text.index(words), text.index(words) + len(words)) for words in (quoted, reported, continued)]
    article = scoring.Article("t", "example", text,
                              tuple(scoring.GoldQuote(s, e, "عبدالله بن ناصر الحراصي") for s, e in spans),
                              (scoring.GoldFigure(text.index("300"), text.index("300") + 3),))
    with_further = scoring.score_article(article, extract)
    main_only = scoring.score_article(article, extract, continuations=False)
    assert len(extract(text).further_quotes) >= 1
    assert with_further.quotes_found == main_only.quotes_found + len(extract(text).further_quotes)
    assert with_further.quotes_matched_gold > main_only.quotes_matched_gold
    assert with_further.figures_matched_gold == 1
    assert scoring.half_overlap((0, 10), (4, 12)) and not scoring.half_overlap((0, 10), (0, 30))


def test_a_group_that_speaks_may_be_named_or_left_without_a_speaker() -> None:
    scoring = load("corpus_scoring")
    assert scoring.right_speaker(None, "منظمو الملتقى", "group")
    assert scoring.right_speaker("منظمو الملتقى", "منظمو الملتقى", "group")
    assert not scoring.right_speaker(None, "سلمى بنت راشد الكندية", "person")
    assert not scoring.right_speaker("راشد الكندي", "منظمو الملتقى", "group")


def test_miss_classes_name_the_kind_of_wrong_speaker() -> None:
    classes = load("miss_classes")
    assert classes.speaker_class("عبدالله الحراصي", "عبدالله بن ناصر الحراصي") == "right"
    assert classes.speaker_class("الدكتورعبدالله", "عبدالله بن ناصر الحراصي") == "another name"
    assert classes.speaker_class("أحمد خالد", "أحمد خالد العريفي") == "part of the name"
    assert classes.speaker_class(None, "أحمد خالد العريفي") == "no speaker proposed"


def test_the_committed_manifest_and_annotations_agree(tmp_path: Path) -> None:
    """Without the texts (as in CI) the only problems may be the missing texts themselves."""
    check, layout = load("check"), load("layout")
    problems = check.check(layout.CorpusPaths(tmp_path))
    assert [line for line in problems if ": missing (retrieve it from http" not in line] == []
    assert len(problems) == len(layout.read_manifest())


def test_the_committed_held_out_set_shares_no_outlet_with_any_other_article() -> None:
    """The set held out now measures outlets nobody studied: none of its outlets has another row."""
    layout = load("layout")
    manifest = layout.read_manifest()
    held_out = layout.held_out_ids()[layout.HELD_OUT_SETS[-1].name]
    assert len(held_out) >= 45
    inside = {manifest[article_id]["outlet"] for article_id in held_out}
    outside = {row["outlet"] for article_id, row in manifest.items() if article_id not in held_out}
    assert inside and not inside & outside


FRESH_ARTICLES = {  # id: (outlet slug, text); our own sentences
    "example-minister-visit": ("example", ARTICLE),
    "sample-press-conference": ("sample", "قال المتحدث الرسمي سالم بن علي الهنائي إن الوزارة تعد خطة جديدة.\n"),
    "unseen-forum-opening": ("unseen",
                             "افتتح المنتدى اليوم. وقال رئيس اللجنة خالد بن سعيد المعمري: «الدورة تجمع 40 دولة».\n"),
}


@pytest.fixture
def corpus_with_fresh(tmp_path: Path):
    """Three articles from three outlets, the third listed in fresh.tsv (the held-out set)."""
    annotate, layout = load("annotate"), load("layout")
    paths = layout.CorpusPaths(tmp_path / "corpus")
    paths.texts.mkdir(parents=True)
    paths.work.mkdir()
    for article_id, (slug, text) in FRESH_ARTICLES.items():
        paths.text_path(article_id).write_text(text, encoding="utf-8", newline="\n")
        work = working_file(id=article_id, outlet_slug=slug, quotes=[], figures=[])
        if slug == "unseen":
            work["quotes"] = [{"text": "الدورة تجمع 40 دولة", "kind": "direct", "speaker": "خالد بن سعيد المعمري",
                               "speaker_kind": "person", "title": "رئيس اللجنة", "organisation": None}]
            work["figures"] = [{"text": "40 دولة", "value": 40, "unit": "countries", "counts": "countries"}]
        paths.work_path(article_id).write_text(json.dumps(work, ensure_ascii=False), encoding="utf-8")
    facts = {"manifest": tmp_path / "manifest.tsv", "annotations": tmp_path / "annotations",
             "lists": {"fresh": tmp_path / "fresh.tsv"}}
    assert annotate.annotate(paths, list(FRESH_ARTICLES), facts["annotations"]) == 0
    annotate.refresh_manifest(paths, facts["manifest"])
    facts["lists"]["fresh"].write_text("# held out on 2 December\nid\nunseen-forum-opening\n", encoding="utf-8")
    return paths, facts


def test_the_fresh_set_is_left_out_of_the_corpus_tables_and_of_its_halves(corpus_with_fresh, capsys) -> None:
    paths, facts = corpus_with_fresh
    benchmark, scoring = load("extraction"), load("corpus_scoring")
    articles, countries, left_out = benchmark.corpus_articles(paths, **facts)
    assert sorted(article.name for article in articles) == ["example-minister-visit", "sample-press-conference"]
    assert left_out == [] and set(countries) == {"example", "sample"}
    beside_manifest = {name: facts[name] for name in ("manifest", "annotations")}  # fresh.tsv found beside it
    assert benchmark.corpus_articles(paths, **beside_manifest)[0] == articles
    benchmark.report_corpus(paths, True, **facts)
    printed = capsys.readouterr().out
    assert "unseen" not in printed and "المعمري" not in printed
    assert "2 articles, 2 outlets" in printed
    half_a, half_b = scoring.outlet_halves(["example", "sample"])
    assert f"half A: {' '.join(half_a)}\nhalf B: {' '.join(half_b)}" in printed  # as without the fresh set


def test_fresh_scores_the_held_out_set_alone_with_its_misses(corpus_with_fresh, capsys) -> None:
    paths, facts = corpus_with_fresh
    benchmark, layout = load("extraction"), load("layout")
    articles, countries, _ = benchmark.corpus_articles(paths, "fresh", **facts)
    assert [article.name for article in articles] == ["unseen-forum-opening"] and set(countries) == {"unseen"}
    assert len(articles[0].quotes) == 1 and len(articles[0].figures) == 1
    benchmark.report_fresh(paths, True, layout.HELD_OUT_SETS[0], **facts)
    printed = capsys.readouterr().out
    assert "1 articles, 1 outlets, 1 countries" in printed
    assert "studied from 2026-12-02's fourth session on" in printed and "fresh12 is the measure now" in printed
    assert "FRESH (studied)" in printed and "  unseen (OM)" in printed
    assert "example" not in printed and "sample" not in printed
    assert "unseen-forum-opening" in printed  # --misses lists its articles


def test_check_names_a_fresh_id_missing_from_the_manifest(corpus_with_fresh) -> None:
    paths, facts = corpus_with_fresh
    check, layout = load("check"), load("layout")
    assert check.check(paths, facts["manifest"], facts["annotations"], facts["lists"]) == []
    facts["lists"]["fresh"].write_text("id\nunseen-forum-opening\nnever-annotated\n", encoding="utf-8")
    assert check.check(paths, facts["manifest"], facts["annotations"]) == [  # the fresh.tsv beside the manifest
        "never-annotated: in fresh.tsv but not in the manifest"]
    facts["lists"]["fresh"].write_text("article\nunseen-forum-opening\n", encoding="utf-8")
    with pytest.raises(layout.CorpusError):
        layout.read_fresh(facts["lists"]["fresh"])


def test_a_row_no_list_names_is_never_scored_once_the_halves_are_listed(corpus_with_fresh, capsys) -> None:
    """A row added while its fresh set is being made, before that set's list holds it, stays out of
    the halves' tables (with a note) and check.py names it."""
    paths, facts = corpus_with_fresh
    benchmark, check = load("extraction"), load("check")
    halves = facts["manifest"].with_name("halves.tsv")
    facts["lists"]["halves"] = halves
    halves.write_text("# halves A and B\nid\nexample-minister-visit\n", encoding="utf-8")
    articles, countries, left_out = benchmark.corpus_articles(paths, **facts)
    assert [article.name for article in articles] == ["example-minister-visit"] and set(countries) == {"example"}
    assert left_out == ["sample-press-conference: in no set's list (halves.tsv or a fresh set's): not scored"]
    assert check.check(paths, facts["manifest"], facts["annotations"], facts["lists"]) == [
        "sample-press-conference: in no set's list (add it to halves.tsv or to its fresh set's list)"]
    halves.write_text("id\nexample-minister-visit\nsample-press-conference\nunseen-forum-opening\n", encoding="utf-8")
    assert [article.name for article in benchmark.corpus_articles(paths, **facts)[0]] == [
        "example-minister-visit", "sample-press-conference"]
    assert check.check(paths, facts["manifest"], facts["annotations"], facts["lists"]) == [
        "unseen-forum-opening: in halves.tsv and in a fresh set's list (an article belongs to one set)"]


def test_the_committed_halves_list_names_every_row_no_fresh_set_lists() -> None:
    layout = load("layout")
    listed = set().union(*layout.held_out_ids().values())
    assert layout.halves_ids() == set(layout.read_manifest()) - listed
    assert len(layout.halves_ids()) == 158


def with_held_out_article(corpus, set_name: str, header: str, article: tuple[str, str, str], *, country: str,
                          genre: str, figure: dict, quote: dict):
    """``corpus`` (paths, facts) with one more article, from a new outlet, annotated with one figure and one
    quote and listed alone in ``<set_name>.tsv`` under the comment ``header``."""
    paths, facts = corpus
    annotate = load("annotate")
    article_id, slug, text = article
    paths.text_path(article_id).write_text(text, encoding="utf-8", newline="\n")
    work = working_file(id=article_id, outlet_slug=slug, country=country, genre=genre, figures=[figure])
    work["quotes"] = [quote]
    paths.work_path(article_id).write_text(json.dumps(work, ensure_ascii=False), encoding="utf-8")
    assert annotate.annotate(paths, [article_id], facts["annotations"]) == 0
    annotate.refresh_manifest(paths, facts["manifest"])
    facts = {**facts, "lists": {**facts["lists"], set_name: facts["manifest"].with_name(f"{set_name}.tsv")}}
    facts["lists"][set_name].write_text(f"{header}\nid\n{article_id}\n", encoding="utf-8")
    return paths, facts


@dataclass(frozen=True)
class LaterSet:
    """The one article of a held-out set after the first, from an outlet of its own (our own sentences)."""

    name: str  # fresh2 ... fresh12
    ordinal: str  # "second" ... "eleventh": how the tables and the check name the set, and the outlet's slug
    article_id: str
    text: str
    country: str
    genre: str
    figure: dict
    quote: dict

    @property
    def article(self) -> tuple[str, str, str]:
        return self.article_id, self.ordinal, self.text


LATER_SETS = (
    LaterSet("fresh2", "second", "second-unseen-summit",
             "اختتمت القمة أعمالها. وقالت المديرة العامة منى بنت حمد الراشدية: «وقعنا 12 اتفاقية».\n",
             "QA", "summit",
             figure={"text": "12 اتفاقية", "value": 12, "unit": "agreements", "counts": "agreements signed"},
             quote={"text": "وقعنا 12 اتفاقية", "kind": "direct", "speaker": "منى بنت حمد الراشدية",
                    "speaker_kind": "person", "title": "المديرة العامة", "organisation": None}),
    LaterSet("fresh3", "third", "third-unseen-visit",
             "زار الوزير المعرض. وقال وزير الصناعة سالم بن راشد البلوشي إن المعرض يضم 85 شركة.\n",
             "KW", "ministerial",
             figure={"text": "85 شركة", "value": 85, "unit": "companies", "counts": "exhibiting companies"},
             quote={"text": "المعرض يضم 85 شركة", "kind": "indirect", "speaker": "سالم بن راشد البلوشي",
                    "speaker_kind": "person", "title": "وزير الصناعة", "organisation": None}),
    LaterSet("fresh4", "fourth", "fourth-unseen-meeting",
             "اجتمع المجلس أمس. وأوضحت وزيرة التخطيط ليلى حسن العبيدي أن الخطة تشمل 40 مشروعا.\n",
             "IQ", "ministerial",
             figure={"text": "40 مشروعا", "value": 40, "unit": "projects", "counts": "projects in the plan"},
             quote={"text": "الخطة تشمل 40 مشروعا", "kind": "indirect", "speaker": "ليلى حسن العبيدي",
                    "speaker_kind": "person", "title": "وزيرة التخطيط", "organisation": None}),
    LaterSet("fresh5", "fifth", "fifth-unseen-briefing",
             "عقد المتحدث مؤتمرا صحفيا. "
             "وقال المتحدث باسم الوزارة نبيل سالم الحداد إن الوزارة وزعت 12 ألف سلة.\n",
             "SO", "press-conference",
             figure={"text": "12 ألف سلة", "value": 12000, "unit": "baskets", "counts": "food baskets handed out"},
             quote={"text": "الوزارة وزعت 12 ألف سلة", "kind": "indirect", "speaker": "نبيل سالم الحداد",
                    "speaker_kind": "person", "title": "المتحدث باسم الوزارة", "organisation": None}),
    LaterSet("fresh6", "sixth", "sixth-unseen-summit",
             "افتتحت القمة أعمالها. "
             "وأعلنت وزيرة الخارجية ليلى منصور العامري أن القمة ستقر 9 اتفاقيات.\n",
             "KR", "summit",
             figure={"text": "9 اتفاقيات", "value": 9, "unit": "agreements", "counts": "agreements the summit adopts"},
             quote={"text": "القمة ستقر 9 اتفاقيات", "kind": "indirect", "speaker": "ليلى منصور العامري",
                    "speaker_kind": "person", "title": "وزيرة الخارجية", "organisation": None}),
    LaterSet("fresh7", "seventh", "seventh-unseen-presser",
             "عقد الوزير مؤتمرا صحفيا. "
             "وقال المتحدث الرسمي سامر نبيل الحداد إن الحكومة أقرت 12 مشروعا.\n",
             "BR", "press-conference",
             figure={"text": "12 مشروعا", "value": 12, "unit": "projects",
                    "counts": "projects the government approved"},
             quote={"text": "الحكومة أقرت 12 مشروعا", "kind": "indirect", "speaker": "سامر نبيل الحداد",
                    "speaker_kind": "person", "title": "المتحدث الرسمي", "organisation": None}),
    LaterSet("fresh8", "eighth", "eighth-unseen-forum",
             "افتتح المنتدى أعماله. "
             "وقال رئيس المنتدى هاني زكريا الصافي إن الدورة تجمع 40 متحدثا.\n",
             "KG", "forum",
             figure={"text": "40 متحدثا", "value": 40, "unit": "speakers", "counts": "speakers of the forum"},
             quote={"text": "الدورة تجمع 40 متحدثا", "kind": "indirect", "speaker": "هاني زكريا الصافي",
                    "speaker_kind": "person", "title": "رئيس المنتدى", "organisation": None}),
    LaterSet("fresh9", "ninth", "ninth-unseen-conference",
             "اختتم المؤتمر جلساته. "
             "وقالت وزيرة الثقافة ريم سالم العتيبي إن المؤتمر استقبل 250 باحثا.\n",
             "BH", "forum",
             figure={"text": "250 باحثا", "value": 250, "unit": "researchers",
                    "counts": "researchers at the conference"},
             quote={"text": "المؤتمر استقبل 250 باحثا", "kind": "indirect", "speaker": "ريم سالم العتيبي",
                    "speaker_kind": "person", "title": "وزيرة الثقافة", "organisation": None}),
    LaterSet("fresh10", "tenth", "tenth-unseen-meeting",
             "انعقد الاجتماع الوزاري. "
             "وأكد وزير الاقتصاد فارس ماجد الشمري أن الاجتماع أقر 18 مبادرة.\n",
             "LY", "ministerial",
             figure={"text": "18 مبادرة", "value": 18, "unit": "initiatives",
                    "counts": "initiatives the meeting approved"},
             quote={"text": "الاجتماع أقر 18 مبادرة", "kind": "indirect", "speaker": "فارس ماجد الشمري",
                    "speaker_kind": "person", "title": "وزير الاقتصاد", "organisation": None}),
    LaterSet("fresh11", "eleventh", "eleventh-unseen-presser",
             "عقدت الوزارة مؤتمرا صحفيا. "
             "وأوضح وزير النقل سامي عادل القحطاني أن الخطة تشمل 35 مشروعا.\n",
             "MA", "press-conference",
             figure={"text": "35 مشروعا", "value": 35, "unit": "projects",
                    "counts": "projects the plan covers"},
             quote={"text": "الخطة تشمل 35 مشروعا", "kind": "indirect", "speaker": "سامي عادل القحطاني",
                    "speaker_kind": "person", "title": "وزير النقل", "organisation": None}),
    LaterSet("fresh12", "twelfth", "twelfth-unseen-forum",
             "انطلق الملتقى صباح أمس. "
             "وقالت رئيسة اللجنة المنظمة هدى ناصر الخالدي إن الملتقى يستضيف 60 خبيرا.\n",
             "TN", "forum",
             figure={"text": "60 خبيرا", "value": 60, "unit": "experts",
                    "counts": "experts the forum hosts"},
             quote={"text": "الملتقى يستضيف 60 خبيرا", "kind": "indirect", "speaker": "هدى ناصر الخالدي",
                    "speaker_kind": "person", "title": "رئيسة اللجنة المنظمة", "organisation": None}),
)

# When each set stopped being held out, as its table says (the last set is still held out).
STUDIED_SINCE = {"fresh2": "2026-12-02 18:00", "fresh3": "2026-12-02 20:00", "fresh4": "2026-12-02 21:00",
                 "fresh5": "2026-12-02 21:15", "fresh6": "2026-12-02 21:35", "fresh7": "2026-12-02 21:50",
                 "fresh8": "2026-12-02 22:40", "fresh9": "2026-12-03 00:25",
                 "fresh10": "2026-12-03 04:45", "fresh11": "2026-12-03 07:00"}


@pytest.fixture
def corpus_with_every_set(corpus_with_fresh):
    """The three articles of ``corpus_with_fresh`` and one more per later set, each from its own outlet and
    listed alone in its ``freshN.tsv``."""
    corpus = corpus_with_fresh
    for later in LATER_SETS:
        corpus = with_held_out_article(corpus, later.name, f"# {later.ordinal} held-out set", later.article,
                                       country=later.country, genre=later.genre, figure=later.figure,
                                       quote=later.quote)
    return corpus


def every_set_but(name: str) -> list[tuple[str, str]]:
    """(set, its article's id) for the first set and every later set but ``name``."""
    return [("fresh", "unseen-forum-opening"), *((later.name, later.article_id) for later in LATER_SETS
                                                  if later.name != name)]


@pytest.mark.parametrize("later", LATER_SETS, ids=lambda later: later.name)
def test_each_set_is_left_out_of_the_corpus_and_of_every_other_set(corpus_with_every_set, later: LaterSet,
                                                                    capsys) -> None:
    paths, facts = corpus_with_every_set
    benchmark, layout = load("extraction"), load("layout")
    halves = ["example-minister-visit", "sample-press-conference"]
    assert [article.name for article in benchmark.corpus_articles(paths, **facts)[0]] == halves
    beside_manifest = {name: facts[name] for name in ("manifest", "annotations")}  # the lists found beside it
    assert [article.name for article in benchmark.corpus_articles(paths, **beside_manifest)[0]] == halves
    others = every_set_but(later.name)
    for name, article_id in others:
        assert [article.name for article in benchmark.corpus_articles(paths, name, **facts)[0]] == [article_id]
    benchmark.report_corpus(paths, True, **facts)
    for held_out in layout.HELD_OUT_SETS:
        if held_out.name != later.name:
            benchmark.report_fresh(paths, True, held_out, **facts)
    printed = capsys.readouterr().out
    assert all(article_id in printed for _name, article_id in others)  # --misses lists each other set's articles
    assert later.article_id not in printed and f"  {later.ordinal} (" not in printed
    assert later.quote["speaker"] not in printed


@pytest.mark.parametrize("later", LATER_SETS, ids=lambda later: later.name)
def test_each_set_is_scored_alone_with_its_misses_and_says_whether_it_is_studied(corpus_with_every_set,
                                                                                 later: LaterSet, capsys) -> None:
    paths, facts = corpus_with_every_set
    benchmark, layout = load("extraction"), load("layout")
    [held_out] = [each for each in layout.HELD_OUT_SETS if each.name == later.name]
    assert held_out.studied_since == STUDIED_SINCE.get(later.name)
    articles, countries, _ = benchmark.corpus_articles(paths, later.name, **facts)
    assert [article.name for article in articles] == [later.article_id] and set(countries) == {later.ordinal}
    assert len(articles[0].quotes) == 1 and len(articles[0].figures) == 1
    benchmark.report_fresh(paths, True, held_out, **facts)
    printed = capsys.readouterr().out
    table = f"bench/corpus/{later.name}.tsv"
    if later.name in STUDIED_SINCE:
        assert (f"{later.ordinal.capitalize()} fresh set ({table}; studied from {STUDIED_SINCE[later.name]} on, "
                "no longer held out: fresh12 is the measure now): 1 articles, 1 outlets") in printed
        assert f"{later.name.upper()} (studied)" in printed
    else:
        assert layout.HELD_OUT_SETS[-1] is held_out  # the measure now: report_fresh's default
        assert f"{later.ordinal.capitalize()} fresh held-out set ({table}; never tuned on): 1 articles, 1 outlets" \
            in printed
        assert f"{later.name.upper()} (held out)" in printed
    assert f"  {later.ordinal} ({later.country})" in printed and f"  {later.country} (1 outlets)" in printed
    assert later.article_id in printed  # --misses lists its articles
    assert "example" not in printed
    assert not any(article_id in printed for _name, article_id in every_set_but(later.name))


@pytest.mark.parametrize("later", LATER_SETS, ids=lambda later: later.name)
def test_check_names_an_id_missing_from_the_manifest_or_in_another_set(corpus_with_every_set, later: LaterSet) -> None:
    paths, facts = corpus_with_every_set
    check = load("check")
    assert check.check(paths, facts["manifest"], facts["annotations"]) == []
    index = LATER_SETS.index(later)
    before = LATER_SETS[index - 1] if index else None
    before_name, before_id = (before.name, before.article_id) if before else ("fresh", "unseen-forum-opening")
    facts["lists"][later.name].write_text(f"id\n{later.article_id}\n{before_id}\nnever-annotated\n", encoding="utf-8")
    assert check.check(paths, facts["manifest"], facts["annotations"]) == [
        f"never-annotated: in {later.name}.tsv but not in the manifest",
        f"{before_id}: in both {before_name}.tsv and {later.name}.tsv (a held-out article belongs to one set)"]
    summary = check.summary(facts["manifest"], facts["annotations"])
    state = "studied" if later.name in STUDIED_SINCE else "held out"
    assert f"{later.ordinal} fresh set ({later.name}, {state}): 2 articles from 2 outlets" in summary
    if before:
        assert f"{before.ordinal} fresh set ({before.name}, studied): 1 articles from 1 outlets" in summary


def test_the_command_line_offers_each_fresh_set(tmp_path: Path, capsys) -> None:
    benchmark = load("extraction")
    benchmark.main(["--fresh12", "--corpus", str(tmp_path)])
    assert "Twelfth fresh held-out set (bench/corpus/fresh12.tsv; never tuned on)" in capsys.readouterr().out
    benchmark.main(["--fresh11", "--corpus", str(tmp_path)])
    assert "Eleventh fresh set (bench/corpus/fresh11.tsv; studied from 2026-12-03 07:00 on" in capsys.readouterr().out
    benchmark.main(["--fresh10", "--corpus", str(tmp_path)])
    assert "Tenth fresh set (bench/corpus/fresh10.tsv; studied from 2026-12-03 04:45 on" in capsys.readouterr().out
    benchmark.main(["--fresh9", "--corpus", str(tmp_path)])
    assert "Ninth fresh set (bench/corpus/fresh9.tsv; studied from 2026-12-03 00:25 on" in capsys.readouterr().out
    benchmark.main(["--fresh8", "--corpus", str(tmp_path)])
    assert "Eighth fresh set (bench/corpus/fresh8.tsv; studied from 2026-12-02 22:40 on" in capsys.readouterr().out
    benchmark.main(["--fresh7", "--corpus", str(tmp_path)])
    assert "Seventh fresh set (bench/corpus/fresh7.tsv; studied from 2026-12-02 21:50 on" in capsys.readouterr().out
    benchmark.main(["--fresh6", "--corpus", str(tmp_path)])
    assert "Sixth fresh set (bench/corpus/fresh6.tsv; studied from 2026-12-02 21:35 on" in capsys.readouterr().out
    benchmark.main(["--fresh5", "--corpus", str(tmp_path)])
    assert "Fifth fresh set (bench/corpus/fresh5.tsv; studied from 2026-12-02 21:15 on" in capsys.readouterr().out
    benchmark.main(["--fresh4", "--corpus", str(tmp_path)])
    assert "Fourth fresh set (bench/corpus/fresh4.tsv; studied from 2026-12-02 21:00 on" in capsys.readouterr().out
    benchmark.main(["--fresh3", "--corpus", str(tmp_path)])
    assert "Third fresh set (bench/corpus/fresh3.tsv; studied from 2026-12-02 20:00 on" in capsys.readouterr().out
    benchmark.main(["--fresh2", "--corpus", str(tmp_path)])
    assert "Second fresh set (bench/corpus/fresh2.tsv; studied from 2026-12-02 18:00 on" in capsys.readouterr().out
    with pytest.raises(SystemExit):
        benchmark.main(["--fresh4", "--fresh5"])
    with pytest.raises(SystemExit):
        benchmark.main(["--fresh5", "--fresh6"])
    with pytest.raises(SystemExit):
        benchmark.main(["--fresh6", "--fresh7"])
    with pytest.raises(SystemExit):
        benchmark.main(["--fresh7", "--fresh8"])
    with pytest.raises(SystemExit):
        benchmark.main(["--fresh8", "--fresh9"])
    with pytest.raises(SystemExit):
        benchmark.main(["--fresh9", "--fresh10"])
    with pytest.raises(SystemExit):
        benchmark.main(["--fresh10", "--fresh11"])
    with pytest.raises(SystemExit):
        benchmark.main(["--fresh11", "--fresh12"])


def test_miss_classes_classes_the_studied_sets_and_never_the_held_out_one(corpus_with_every_set) -> None:
    paths, facts = corpus_with_every_set
    classes = load("miss_classes")
    assert [article.name for article in classes.articles_to_class(paths, **facts)[0]] == [
        "example-minister-visit", "sample-press-conference"]
    for name, article_id in (("fresh11", "eleventh-unseen-presser"), ("fresh10", "tenth-unseen-meeting"),
                             ("fresh9", "ninth-unseen-conference"),
                             ("fresh8", "eighth-unseen-forum"),
                             ("fresh7", "seventh-unseen-presser"),
                             ("fresh6", "sixth-unseen-summit"),
                             ("fresh5", "fifth-unseen-briefing"), ("fresh4", "fourth-unseen-meeting"),
                             ("fresh3", "third-unseen-visit"), ("fresh2", "second-unseen-summit"),
                             ("fresh", "unseen-forum-opening")):
        assert [article.name for article in classes.articles_to_class(paths, name, **facts)[0]] == [article_id]
    with pytest.raises(ValueError, match="held out"):
        classes.articles_to_class(paths, "fresh12", **facts)
    with pytest.raises(SystemExit):
        classes.main(["--fresh12"])
