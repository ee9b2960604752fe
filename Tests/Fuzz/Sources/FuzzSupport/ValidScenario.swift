import Foundation

/// The small valid scenario the fuzz targets surround their input with: a copy of
/// `ScenarioFolder.valid` in Tests/TestSupport/ScenarioFolder.swift (which this package cannot
/// import: TestSupport is not a product). Two networks, one partner, four measures (one ineligible).
/// `FuzzHarness` checks at start-up that it still loads; `run.sh` checks that it is still the same text.
enum ValidScenario {
  static let text: [String: String] = [
    "scenario.yaml": """
    year: 2027
    county: Testfylke
    schemes:
      - id: dekom
        name: Dekom
        frame_nok: 1000000
        egenandel_rate: 0.30
        partner_kinds: [uh]
    networks:
      - id: nord
        name: Nordnettet
      - id: sor
        name: Sørnettet
        cost_sharing: {equal: 0.5, pupils: 0.5}
    policy:
      fairness: {floor: 0.5, key: {equal: 0.5, pupils: 0.5}}
      priority: {weighting: strict_tiers, value: count}

    """,
    "partners.csv": "id;name;kind;pool_hours;pool_price_nok;partner2_hours;partner2_price_nok\nntnu;NTNU;uh;100;1000;300;1000\n",
    "owners.csv": "id;name;network;kind;pupils\nå;Åfjord;nord;kommune;1000\nb;Bø;nord;kommune;3000\nc;Cø;sor;kommune;2000\n",
    "measures.csv": """
    id;network;scheme;rank;title;cost_nok;pool_hours;partner2_hours;partners;min_share;school_based;collective;in_local_plan
    n1;nord;dekom;1;Lesing;300 000;20;100;ntnu;0,5;ja;ja;ja
    n2;nord;dekom;2;Regning;200 000;10;100;ntnu;1;ja;ja;ja
    s1;sor;dekom;1;Klasseledelse;250 000;20;100;ntnu;1;ja;ja;ja
    s2;sor;dekom;2;Videreutdanning;100 000;0;0;ntnu;1;nei;ja;ja

    """,
  ]

  static let files: [String: Data] = text.mapValues { Data($0.utf8) }
}
