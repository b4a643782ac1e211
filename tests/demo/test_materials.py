"""Demo materials: three real Chinese PDFs, embedded fonts, right page counts, reproducible bytes."""

from __future__ import annotations

import os
import re
import subprocess
from pathlib import Path

import pytest

from reviewer.demo import MATERIALS, generate_materials
from reviewer.demo.facts import make_facts
from reviewer.demo.materials import PARK_STANDARD
from reviewer.demo.self_evaluation import cn_number, self_scores
from reviewer.errors import InvalidInput
from reviewer.standards import load_standard

PAGE_RANGES = {"application_form": (2, 3), "creation_plan": (4, 6), "self_evaluation": (6, 10)}


def run(*args: str) -> str:
    return subprocess.run(args, check=True, capture_output=True, text=True).stdout


def pages(path: Path) -> int:
    match = re.search(r"^Pages:\s+(\d+)", run("pdfinfo", str(path)), re.M)
    assert match
    return int(match.group(1))


def text(path: Path) -> str:
    # Join lines: a heading may wrap, and pdftotext keeps table cells on separate lines.
    return run("pdftotext", "-enc", "UTF-8", str(path), "-").replace("\n", "")


@pytest.fixture(scope="module")
def generated(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    folder = tmp_path_factory.mktemp("materials")
    paths = generate_materials(folder)
    assert [p.name for p in paths] == [m.filename for m in MATERIALS]
    return {m.kind: p for m, p in zip(MATERIALS, paths, strict=True)}


@pytest.mark.parametrize("kind", list(PAGE_RANGES))
def test_page_counts_in_range(generated: dict[str, Path], kind: str) -> None:
    low, high = PAGE_RANGES[kind]
    assert low <= pages(generated[kind]) <= high


@pytest.mark.parametrize("kind", list(PAGE_RANGES))
def test_every_font_is_embedded(generated: dict[str, Path], kind: str) -> None:
    rows = [line.split() for line in run("pdffonts", str(generated[kind])).splitlines()[2:] if line.strip()]
    assert rows
    for row in rows:
        assert row[-5] == "yes", f"not embedded: {row}"
        assert "WenQuanYiMicroHei" in row[0]


@pytest.mark.parametrize("kind", list(PAGE_RANGES))
def test_every_page_is_marked_as_demo_and_numbered(generated: dict[str, Path], kind: str) -> None:
    path = generated[kind]
    n = pages(path)
    raw = run("pdftotext", "-enc", "UTF-8", str(path), "-")
    page_texts = raw.split("\f")[:n]
    for number, page in enumerate(page_texts, start=1):
        assert "示例材料，数据为虚构" in page
        assert f"第{number}页共{n}页" in page.replace(" ", "")
    assert "示例软件园" in raw


def test_self_evaluation_has_one_section_per_level1_indicator(generated: dict[str, Path]) -> None:
    standard = load_standard(PARK_STANDARD)
    content = text(generated["self_evaluation"])
    assert "示例软件园" in content and "自评报告" in content
    for number, top in enumerate(standard.criteria, start=2):
        assert f"{cn_number(number)}、{top.title.zh}（{top.points.normalize():f} 分）" in content
    for leaf in standard.leaves():
        assert leaf.title.zh in content
    total = sum(self_scores(standard, make_facts()).values())
    layout = run("pdftotext", "-layout", "-enc", "UTF-8", str(generated["self_evaluation"]), "-")
    assert re.search(rf"合计\s+100\s+{total.normalize():f}\s*$", layout, re.M)


def test_application_form_has_basic_data_and_eligibility(generated: dict[str, Path]) -> None:
    content = text(generated["application_form"])
    facts = make_facts()
    assert "中国软件名园创建申请表" in content
    assert "江苏省南京市" in content and "2015年6月1日" in content
    assert str(facts.revenue[2023]) in content  # the same figure the self-evaluation reports
    for item in load_standard(PARK_STANDARD).eligibility:
        assert item.text.zh in content


def test_plan_has_targets_tasks_measures_schedule(generated: dict[str, Path]) -> None:
    content = text(generated["creation_plan"])
    for heading in ("创建目标", "重点任务", "保障措施", "进度安排", "特色化发展", "高端化发展"):
        assert heading in content


def test_figures_agree_across_documents(generated: dict[str, Path]) -> None:
    revenue_2023 = str(make_facts().revenue[2023])
    for kind in PAGE_RANGES:
        assert revenue_2023 in text(generated[kind])


def test_same_bytes_every_time(generated: dict[str, Path], tmp_path: Path) -> None:
    again = generate_materials(tmp_path)
    by_name = {p.name: p for p in generated.values()}
    for path in again:
        assert path.read_bytes() == by_name[path.name].read_bytes(), path.name


def test_no_temporary_files_left_and_ordinary_permissions(tmp_path: Path) -> None:
    paths = generate_materials(tmp_path)
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(m.filename for m in MATERIALS)
    umask = os.umask(0)
    os.umask(umask)
    for path in paths:
        assert path.stat().st_mode & 0o777 == 0o666 & ~umask


def test_other_candidate_gets_its_own_name_and_figures(tmp_path: Path) -> None:
    paths = generate_materials(tmp_path, {"name": "钟山软件谷", "city": "苏州市", "founded": "2012-09-18"})
    content = text(paths[2])
    assert "钟山软件谷" in content and "江苏省苏州市" in content and "示例软件园" not in content
    assert make_facts({"name": "钟山软件谷"}).revenue != make_facts().revenue


def test_bad_candidate_is_a_typed_error(tmp_path: Path) -> None:
    with pytest.raises(InvalidInput):
        generate_materials(tmp_path, {"founded": "last spring"})
    with pytest.raises(InvalidInput):
        generate_materials(tmp_path, {"type": "city"})
    assert list(tmp_path.iterdir()) == []


def test_self_scores_stay_on_step_and_within_points() -> None:
    standard = load_standard(PARK_STANDARD)
    scores = self_scores(standard, make_facts())
    for leaf in standard.leaves():
        score = scores[leaf.code]
        assert 0 < score <= leaf.points
        assert (score / (leaf.step or 1)) % 1 == 0
    assert 75 <= sum(scores.values()) <= 97


@pytest.mark.parametrize(
    ("n", "expected"), [(1, "一"), (9, "九"), (10, "十"), (12, "十二"), (20, "二十"), (35, "三十五")]
)
def test_chinese_section_numbers(n: int, expected: str) -> None:
    assert cn_number(n) == expected
