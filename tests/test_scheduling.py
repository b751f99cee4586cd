"""How `make test`'s workers share the tests (conftest.work_units): the units of work pytest-xdist hands out."""
from conftest import work_units


def test_a_module_is_one_unit_until_the_order_leaves_it():
    order = ["tests/test_a.py::test_quick", "tests/test_b.py::test_quick",
             "tests/test_a.py::test_built", "tests/test_a.py::test_built_too", "tests/test_b.py::test_built"]
    assert work_units(order) == {
        "tests/test_a.py::test_quick": "tests/test_a.py",
        "tests/test_b.py::test_quick": "tests/test_b.py",
        "tests/test_a.py::test_built": "tests/test_a.py (part 2)",
        "tests/test_a.py::test_built_too": "tests/test_a.py (part 2)",
        "tests/test_b.py::test_built": "tests/test_b.py (part 2)",
    }


def test_a_crawl_is_a_unit_a_part_and_a_long_test_a_unit_alone():
    order = ["tests/test_crawl.py::test_errors[phone-1of4]", "tests/test_crawl.py::test_width[phone-1of4]",
             "tests/test_crawl.py::test_errors[phone-2of4]", "tests/test_crawl.py::test_menus",
             "tests/test_offline_app.py::test_one", "tests/test_offline_app.py::test_two"]
    assert work_units(order) == {
        "tests/test_crawl.py::test_errors[phone-1of4]": "tests/test_crawl.py[phone-1of4]",
        "tests/test_crawl.py::test_width[phone-1of4]": "tests/test_crawl.py[phone-1of4]",
        "tests/test_crawl.py::test_errors[phone-2of4]": "tests/test_crawl.py[phone-2of4]",
        "tests/test_crawl.py::test_menus": "tests/test_crawl.py",
        "tests/test_offline_app.py::test_one": "tests/test_offline_app.py::test_one",
        "tests/test_offline_app.py::test_two": "tests/test_offline_app.py::test_two",
    }
