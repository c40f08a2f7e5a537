import Foundation
import Testing
@testable import DossierCore

/// Typed documents: decoding, validation with exact messages and positions, computed values.
@Suite struct DocumentTests {
    static let registry = """
        indicators:
          - id: fault-single-item
            name: Single item fault
            unit: percent
            direction: higher
            standard: 90% of faults fixed within 2 working days
            target: 90
          - id: calls-waiting
            name: Average wait for the help desk
            unit: hours
            direction: lower
            target: 4
            tolerance: 0.5

        """

    static let review = "---\ntitle: ICT review\nkind: review\nservice: ICT Services\n---\n"

    func errors(_ files: [String: String]) -> [String] {
        Fixture(["content/indicators.yaml": Self.registry, "content/reviews/ict-review.md": Self.review]
            .merging(files) { _, new in new }).errors()
    }

    func warnings(_ files: [String: String]) -> [String] {
        Fixture(["content/indicators.yaml": Self.registry].merging(files) { _, new in new })
            .diagnostics().filter { $0.severity == .warning }.map(\.description)
    }

    func quarterly(_ keys: String, date: String = "date: 2007-01-29\n") -> String {
        "---\ntitle: Q3\n\(date)kind: quarterly\nfinancial_year: 2006/07\nquarter: 3\n\(keys)---\nBody.\n"
    }

    // MARK: Errors

    @Test func targetWrittenAsAWord() {
        let registry = Self.registry.replacingOccurrences(of: "target: 90", with: "target: ninety")
        #expect(errors(["content/indicators.yaml": registry]) == [
            "content/indicators.yaml:7:13: error: 'indicators[1].target' must be a number, found 'ninety'",
        ])
    }

    @Test func percentOverOneHundred() {
        let registry = Self.registry.replacingOccurrences(of: "target: 90", with: "target: 120")
        #expect(errors(["content/indicators.yaml": registry]) == [
            "content/indicators.yaml:7:13: error: target 120 is not a percentage: the unit is percent\n  hint: a percentage is a number from 0 to 100, without the % sign",
        ])
        let report = quarterly("results:\n  - indicator: fault-single-item\n    actual: 192\n")
        #expect(errors(["content/q3.md": report]) == [
            "content/q3.md:9:13: error: actual 192 is not a percentage: the unit is percent\n  hint: a percentage is a number from 0 to 100, without the % sign",
        ])
    }

    @Test func unknownIndicatorSuggestsTheNearest() {
        let report = quarterly("results:\n  - indicator: fault-single-itme\n    actual: 92\n")
        #expect(errors(["content/q3.md": report]) == [
            "content/q3.md:8:16: error: unknown indicator 'fault-single-itme'\n  hint: did you mean 'fault-single-item'? indicators are defined in content/indicators.yaml",
        ])
    }

    @Test func quarterMustBeOneToFour() {
        let report = quarterly("").replacingOccurrences(of: "quarter: 3", with: "quarter: 5")
        #expect(errors(["content/q3.md": report]) == [
            "content/q3.md:6:10: error: quarter 5 is not 1, 2, 3 or 4\n  hint: financial quarters: 1 April–June, 2 July–September, 3 October–December, 4 January–March",
        ])
    }

    @Test func financialYearMustBeAFinancialYear() {
        let report = quarterly("").replacingOccurrences(of: "2006/07", with: "2006/08")
        #expect(errors(["content/q3.md": report]) == [
            "content/q3.md:5:17: error: 'financial_year': '2006/08' is not a financial year such as 2006/07",
        ])
    }

    @Test func aQuarterlyReportNeedsADate() {
        #expect(errors(["content/q3.md": quarterly("", date: "")]) == [
            "content/q3.md:3:7: error: a quarterly performance report needs a date: the day it reports as of\n  hint: add `date: YYYY-MM-DD`",
        ])
    }

    @Test func duplicateActionIDsAndBadValues() {
        let report = quarterly("""
            scorecard:
              actions:
                - id: BSC-01
                  title: Governance
                  status: complete
                - id: BSC-01
                  title: Training plan
                  status: done
                - id: BSC-02
                  title: Appraisals
                  status: in-hand
                  due: soon

            """)
        // Both bad values at once: the second is not hidden until the first is fixed.
        #expect(errors(["content/q3.md": report]) == [
            "content/q3.md:14:15: error: 'scorecard.actions[2].status': 'done' is not one of: not-started, in-hand, complete, overdue, deferred",
            "content/q3.md:18:12: error: 'scorecard.actions[3].due': 'soon' is not a date or a month\n  hint: write a day as YYYY-MM-DD (2003-07-31) or a month as YYYY-MM (2003-07)",
        ])
        let fixed = report.replacingOccurrences(of: "status: done", with: "status: complete")
        #expect(errors(["content/q3.md": fixed]) == [
            "content/q3.md:18:12: error: 'scorecard.actions[3].due': 'soon' is not a date or a month\n  hint: write a day as YYYY-MM-DD (2003-07-31) or a month as YYYY-MM (2003-07)",
        ])
        let dated = fixed.replacingOccurrences(of: "due: soon", with: "due: 2007-03")
        #expect(errors(["content/q3.md": dated]) == [
            "content/q3.md:12:11: error: action id 'BSC-01' is used twice\n  hint: each action needs its own id",
        ])
    }

    @Test func planObjectivesAndActionsAreUnique() {
        let plan = """
            ---
            title: Plan
            kind: plan
            objectives:
              - number: 1
                title: Strategy
                actions:
                  - id: "1.1"
                    text: Write it
                  - id: "1.1"
                    text: Agree it
              - number: 1
                title: Training
            ---

            """
        #expect(errors(["content/plan.md": plan]) == [
            "content/plan.md:10:13: error: action id '1.1' is used twice in this plan\n  hint: number actions within their objective: 1.1, 1.2 …",
            "content/plan.md:12:13: error: objective number 1 is used twice\n  hint: number the objectives 1, 2, 3 …",
        ])
    }

    @Test func documentsMustNameAnExistingReview() {
        let highlight = "---\ntitle: May 2004\nkind: highlight\nreview: ict-reveiw\n---\n"
        #expect(errors(["content/reviews/may.md": highlight]) == [
            "content/reviews/may.md:4:9: error: review 'ict-reveiw' does not exist\n  hint: did you mean 'ict-review'? a review is named by its file name, e.g. 'ict-review' for reviews/ict-review.md (kind: review)",
        ])
    }

    @Test func unknownKindAndKeysOfAnotherKind() {
        #expect(errors(["content/a.md": "---\ntitle: A\nkind: quartely\n---\n"]) == [
            "content/a.md:3:7: error: unknown kind 'quartely'\n  hint: did you mean 'quarterly'? kinds: review, highlight, quarterly, scorecard, plan, committee, newsletter; leave `kind` out for a plain page",
        ])
        let committee = "---\ntitle: A\nkind: committee\nreport_of: CIO\nreport_to: Board\nmeeting: 2012-02-06\nsubject: ICT\nquarter: 3\n---\n"
        #expect(errors(["content/a.md": committee]).first?.hasPrefix("content/a.md:8:1: error: unknown key 'quarter' in front matter") == true)
    }

    @Test func committeeAppendixLinksAreChecked() {
        let committee = "---\ntitle: A\nkind: committee\nreport_of: CIO\nreport_to: Board\nmeeting: 2012-02-06\nsubject: ICT\nappendices:\n  - title: Plan\n    link: plans/ict.md\n---\n"
        #expect(errors(["content/a.md": committee]) == [
            "content/a.md:10:11: error: link to 'plans/ict.md', but content/plans/ict.md does not exist",
        ])
    }

    @Test func oneMistakeIsReportedOnce() {
        // A broken registry does not make every result an "unknown indicator".
        let registry = Self.registry.replacingOccurrences(of: "target: 4\n", with: "target: four\n")
        let report = quarterly("results:\n  - indicator: fault-single-item\n    actual: 92\n")
        #expect(errors(["content/indicators.yaml": registry, "content/q3.md": report]).count == 1)
        // A link to a page that has errors of its own is not reported again.
        let broken = "---\ntitle: B\ndate: someday\n---\n"
        #expect(errors(["content/a.md": Fixture.page("A", "[b](b.md)\n"), "content/b.md": broken]).count == 1)
    }

    // MARK: Warnings

    @Test func milestonesThatDoNotAddUpAndStatusesTheDatesContradict() {
        let report = quarterly("""
            scorecard:
              milestones: {total: 298, completed: 219, outstanding: 80, overdue: 1}
              actions:
                - id: BSC-01
                  title: Succession planning
                  due: 2006-12-31
                  status: in-hand
                - id: BSC-02
                  title: Training rooms
                  due: 2007-03-31
                  status: overdue

            """)
        #expect(warnings(["content/q3.md": report]) == [
            "content/q3.md:8:23: warning: milestones do not add up: completed 219 + outstanding 80 = 299, but total is 298",
            "content/q3.md:8:70: warning: milestones.overdue is 1, but 2 of the listed actions are overdue",
            "content/q3.md:13:15: warning: action 'BSC-01': status is 'in-hand' but it was due 31 December 2006, before the report date 29 January 2007, so it is overdue",
            "content/q3.md:17:15: warning: action 'BSC-02': status is 'overdue' but it is due 31 March 2007, not before the report date 29 January 2007",
        ])
    }

    // MARK: Computed values

    @Test(arguments: [
        // actual, target, direction, tolerance, expected
        (93.0, 90.0, Direction.higher, 2.0, IndicatorStatus.exceeded),
        (90, 90, .higher, 2, .met),
        (88, 90, .higher, 2, .near),          // on the tolerance boundary
        (87.99, 90, .higher, 2, .missed),
        (59, 60, .higher, 1, .near),          // the seed's "just missed"
        (3.5, 4, .lower, 0.5, .exceeded),
        (4, 4, .lower, 0.5, .met),
        (4.5, 4, .lower, 0.5, .near),         // on the boundary, lower is better
        (4.6, 4, .lower, 0.5, .missed),
        (100, 90, .higher, 0, .exceeded),
        (89.5, 90, .higher, 0, .missed),      // no tolerance
    ])
    func status(actual: Double, target: Double, direction: Direction, tolerance: Double, expected: IndicatorStatus) {
        #expect(IndicatorStatus.of(actual: actual, target: target, direction: direction, tolerance: tolerance) == expected)
    }

    @Test func noActualNoStatus() {
        #expect(IndicatorStatus.of(actual: nil, target: 90, direction: .higher, tolerance: 2) == nil)
    }

    @Test func financialQuarters() {
        let year = FinancialYear(text: "2006/07")!
        #expect(year.startYear == 2006 && year.label == "2006/07")
        let expected = [(1, "2006-04-01", "2006-06-30", "April to June 2006"), (2, "2006-07-01", "2006-09-30", "July to September 2006"),
                        (3, "2006-10-01", "2006-12-31", "October to December 2006"), (4, "2007-01-01", "2007-03-31", "January to March 2007")]
        for (quarter, first, last, months) in expected {
            let period = FinancialQuarter(year: year, quarter: quarter)!
            #expect((period.firstDay.iso, period.lastDay.iso, period.months) == (first, last, months))
        }
        #expect(FinancialQuarter(year: year, quarter: 0) == nil && FinancialQuarter(year: year, quarter: 5) == nil)
        #expect(FinancialYear(text: "1999/00")?.label == "1999/00")
        #expect(FinancialYear(text: "2006/08") == nil && FinancialYear(text: "2006") == nil)
        #expect(FinancialYear(containing: Day(iso: "2007-03-31")!).label == "2006/07")
        #expect(FinancialYear(containing: Day(iso: "2007-04-01")!).label == "2007/08")
        #expect(FinancialQuarter(containing: Day(iso: "2006-11-15")!).label == "Q3 2006/07")
        #expect(FinancialQuarter(containing: Day(iso: "2007-02-01")!).label == "Q4 2006/07")
        #expect(FinancialQuarter(containing: Day(iso: "2007-04-01")!).previous.label == "Q4 2006/07")
    }

    @Test func milestonePercentages() {
        let milestones = Milestones(total: 298, completed: 219, outstanding: 79, overdue: 5)
        #expect(milestones.completedPercent == 73 && milestones.outstandingPercent == 27)
        #expect(Milestones(total: 0, completed: 0).completedPercent == nil)
    }

    @Test func overdueIsComputedFromTheDueDate() {
        let asOf = Day(iso: "2007-01-29")!
        #expect(WorkStatus.inHand.effective(due: CalendarDate(text: "2006-12"), asOf: asOf) == .overdue)
        #expect(WorkStatus.inHand.effective(due: CalendarDate(text: "2007-01"), asOf: asOf) == .inHand)
        #expect(WorkStatus.complete.effective(due: CalendarDate(text: "2006-12"), asOf: asOf) == .complete)
        #expect(WorkStatus.notStarted.effective(due: nil, asOf: asOf) == .notStarted)
    }

    @Test func numbersInBritishStyle() {
        #expect(Format.value(1684, unit: .count) == "1,684")
        #expect(Format.value(93, unit: .percent) == "93%")
        #expect(Format.value(3.35, unit: .score) == "3.35")
        #expect(Format.value(0.5, unit: .hours) == "0.5 hours")
        #expect(Format.grouped(35993) == "35,993")
    }
}
