"""``--format junit``: JUnit XML, one ``testsuite`` per agency and one ``testcase`` per check.

Findings at or above ``--fail-on`` are ``failure`` elements, the others go to
``system-out``; an agency with no finding is a suite of passing cases.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET

from pledgectl.core.findings import SEVERITY_RANK, Finding
from pledgectl.core.i18n import tn
from pledgectl.engine.run import CheckRun
from pledgectl.render.check import Options
from pledgectl.render.check.summary import by_agency, hint_label, severity_word


def render(run: CheckRun, options: Options) -> str:
    threshold = SEVERITY_RANK[options.fail_on]
    grouped = dict(by_agency(run.findings, run.registries > 1))
    names = list(dict.fromkeys([*options.agencies, *grouped]))
    root = ET.Element("testsuites", name="pledgectl check")
    total_tests = total_failures = 0
    for agency in names:
        findings = grouped.get(agency, [])
        suite = ET.SubElement(root, "testsuite", name=agency)
        failures = 0
        files = {f.file for f in findings if f.file}
        for check in run.checks:
            case = ET.SubElement(suite, "testcase", classname=f"pledgectl.{agency}", name=check)
            mine = [f for f in findings if f.check == check]
            if len(files) == 1:
                case.set("file", next(iter(files)))
            failing = [f for f in mine if SEVERITY_RANK.get(f.severity, 0) >= threshold]
            other = [f for f in mine if f not in failing]
            if failing:
                failures += 1
                failure = ET.SubElement(
                    case,
                    "failure",
                    type=failing[0].code,
                    message=tn(
                        "1 finding of the {check} check",
                        "{n} findings of the {check} check",
                        len(failing),
                        check=check,
                    ),
                )
                failure.text = "\n".join(_line(f) for f in failing)
            if other:
                ET.SubElement(case, "system-out").text = "\n".join(_line(f) for f in other)
        suite.set("tests", str(len(run.checks)))
        suite.set("failures", str(failures))
        suite.set("errors", "0")
        total_tests += len(run.checks)
        total_failures += failures
    root.set("tests", str(total_tests))
    root.set("failures", str(total_failures))
    root.set("errors", "0")
    ET.indent(root)
    body = ET.tostring(root, encoding="unicode")
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + body + "\n"


def _line(finding: Finding) -> str:
    severity = severity_word(finding.severity)
    line = f"{finding.location()}: {severity} [{finding.code}] {finding.message()}"
    hint = finding.hint()
    return f"{line} ({hint_label()}: {hint})" if hint else line
