"""Official holiday schedules (节假日安排) for years the bundled calendar does not know yet.

The State Council publishes each year's holidays and adjusted working days (调休) in advance;
`chinese-calendar` knows only the years of its release. An administrator proposes a year's
schedule with its source, a supervisor other than the proposer adopts it, and from then on the
platform's `WorkingCalendar` counts working days of that year by it. A period that needs a year
nobody adopted is refused (`calendar.year_unknown`), never counted Monday–Friday silently.
"""
