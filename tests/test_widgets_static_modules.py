"""Each widget's ES module (backease.widgets.static_modules): rules.js cut to the declarations its parts use."""
import re

import pytest

from backease.widgets import checks, diary_view, home_programme, my_conditions, my_routine, plan_builder
from backease.widgets.static_modules import LIBRARY, STATIC, declarations, esm_module, named_only

LIBRARY_TEXT = """// What the library holds.
export function used(x) {
  return helper(x) + LIMIT;
}
// Another.
const helper = (x) => x * 2;
export const LIMIT = 3;
function unused() {
  return "used";
}
export function alsoUnused({ a, b } = {}) {
  return a;
}
"""
WIDGETS = [checks.GuidedCheck, diary_view.DiaryView, home_programme.HomeProgramme, my_conditions.ConditionsNote,
           my_conditions.MyConditions, my_routine.MyRoutine, plan_builder.PlanBuilder]


def test_a_module_keeps_what_its_parts_name_and_what_that_names_in_the_librarys_order():
    assert [name for name, _ in declarations(LIBRARY_TEXT)] == ["used", "helper", "LIMIT", "unused", "alsoUnused"]
    kept = named_only(LIBRARY_TEXT, "const shown = used(1);")
    assert kept == ("export function used(x) {\n  return helper(x) + LIMIT;\n}\n// Another.\n"
                    "const helper = (x) => x * 2;\nexport const LIMIT = 3;\n")
    assert named_only(LIBRARY_TEXT, "nothing here") == ""


def test_a_library_line_at_the_margin_that_declares_nothing_is_refused_by_its_number():
    with pytest.raises(ValueError, match=r"rules\.js line 5 is at the margin but declares nothing: 'used\(2\);'"):
        declarations(LIBRARY_TEXT.replace("}\n// Another.", "}\nused(2);", 1))


def test_rules_alone_is_whole_as_the_tests_over_generated_cases_run_it():
    whole = (STATIC / LIBRARY).read_text(encoding="utf-8")
    assert all(f"\n{text.splitlines()[0]}\n" in esm_module(LIBRARY) for _, text in declarations(whole))


@pytest.mark.parametrize("widget", WIDGETS, ids=lambda w: w.__name__)
def test_every_rule_a_widget_names_is_in_its_module_and_no_other(widget):
    """Every rules.js declaration whose name the module's text holds is declared in it; one it does not hold is
    not sent; and none sends the whole library."""
    whole = declarations((STATIC / LIBRARY).read_text(encoding="utf-8"))
    module = widget._esm
    words = set(re.findall(r"[A-Za-z_$][\w$]*", module))
    sent = {name for name, text in whole if f"\n{text.splitlines()[0]}\n" in module}
    assert sent == {name for name, _ in whole if name in words}
    assert 0 < len(sent) < len(whole), sorted(sent)
