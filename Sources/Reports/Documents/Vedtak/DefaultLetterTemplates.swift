import UserMessages

/// The default wording of the decision letters, one Mustache template per language; a scenario's
/// `vedtak.mustache` replaces it. The fields are listed in docs/vedtak.md.
///
/// The default conditions are the forum's criteria for every measure (seed 003), the default
/// reporting the four key questions and the accounts (seed 002), the default appeal the
/// Public Administration Act's (forvaltningsloven §§ 28–29).
enum DefaultLetterTemplates {
  static func template(for language: Language) -> String {
    switch language {
    case .nb: bokmal
    case .en: english
    }
  }

  static let bokmal = """
    # Vedtak om tilskudd til kompetanseutvikling {{year}}

    - **Til:** {{recipient}}
    - **Fra:** Statsforvalteren i {{county}}
    - **Gjelder:** tilskudd for {{year}} etter felles årlig innstilling fra samarbeidsforumet i {{county}}

    Statsforvalteren i {{county}} gir {{recipient}} tilskudd på **{{total}} kr** for {{year}}, \
    slik samarbeidsforumet har innstilt.

    ## Hva tilskuddet gjelder

    {{#schemes}}
    ### {{scheme}}: {{amount}} kr

    | Tiltak | Kompetansenettverk | Innvilget andel | Beløp (kr) |
    |---|---|---:|---:|
    {{#measures}}
    | {{title}}{{#hours}} ({{.}}){{/hours}} | {{network}} | {{share}} | {{amount}} |
    {{/measures}}

    {{/schemes}}
    {{#paidByKey}}
    Kompetansenettverket fordeler tilskuddet mellom medlemmene etter sin egen nøkkel: beløpene per \
    tiltak er tiltakenes tilskudd i alt, tilskuddet til dere er summen for ordningen.

    {{/paidByKey}}
    ## Utbetaling

    | Dato | Ordning | Gjelder | Beløp (kr) |
    |---|---|---|---:|
    {{#payments}}
    | {{date}} | {{scheme}} | {{purpose}} | {{amount}} |
    {{/payments}}
    | **Sum** | | | **{{total}}** |

    Tilskuddet utbetales til {{recipient}} på datoene over.

    {{#hasEgenandel}}
    ## Egenandel

    Skoleeierne skal selv bidra med en egenandel på minst satsen for ordningen. Egenandelen kan \
    dekkes som lønn eller frikjøpt tid.

    | Ordning | Hvem | Sats | Egenandel (kr) |
    |---|---|---:|---:|
    {{#egenandel}}
    | {{scheme}} | {{payer}} | {{rate}} | {{amount}} |
    {{/egenandel}}

    {{/hasEgenandel}}
    ## Vilkår

    Tilskuddet skal brukes til tiltakene over, slik de er beskrevet i innstillingen.

    {{#conditions}}
    - {{.}}
    {{/conditions}}
    {{^conditions}}
    - Tiltakene er skolebaserte eller arbeidsplassbaserte og gjennomføres som kollektiv kompetanseutvikling.
    - Tiltakene møter lokale behov og står i kompetansenettverkets langsiktige kompetanseutviklingsplan.
    - UH er utviklingspartner i analyse, planlegging, gjennomføring og evaluering.
    - Tiltak i Kompetanseløftet retter seg mot en bred målgruppe: de ansatte i laget rundt barna og elevene.
    - Midlene kan ikke brukes til individuell videreutdanning.
    {{/conditions}}

    Midler som ikke brukes etter vilkårene, kan kreves tilbakebetalt.

    ## Rapportering

    {{#reporting}}
    {{.}}
    {{/reporting}}
    {{^reporting}}
    Mottakeren rapporterer på bruken av midlene: de fire sentrale spørsmålene (lokal forankring, \
    hindre fragmentering, skolebasert tilnærming, elevstemmen) og et regnskap for tilskuddet.
    {{/reporting}}
    {{#reportingDeadline}}

    Frist for rapporteringen: **{{.}}**.
    {{/reportingDeadline}}

    ## Klage

    {{#appeal}}
    {{.}}
    {{/appeal}}
    {{^appeal}}
    Vedtaket kan påklages etter forvaltningsloven § 28. Fristen er tre uker fra dere mottok \
    vedtaket (§ 29). Klagen sendes til Statsforvalteren i {{county}}.
    {{/appeal}}
    {{#contact}}

    ## Kontakt

    {{.}}
    {{/contact}}

    """

  static let english = """
    # Grant decision for competence development {{year}}

    - **To:** {{recipient}}
    - **From:** Statsforvalteren i {{county}}
    - **Re:** grant for {{year}} following the collaboration forum's joint annual recommendation in {{county}}

    Statsforvalteren i {{county}} grants {{recipient}} **NOK {{total}}** for {{year}}, as the forum \
    recommended.

    ## What the grant is for

    {{#schemes}}
    ### {{scheme}}: NOK {{amount}}

    | Measure | Competence network | Share funded | Amount (NOK) |
    |---|---|---:|---:|
    {{#measures}}
    | {{title}}{{#hours}} ({{.}}){{/hours}} | {{network}} | {{share}} | {{amount}} |
    {{/measures}}

    {{/schemes}}
    {{#paidByKey}}
    The competence network shares the grant among its members by its own key: the amounts per \
    measure are the measures' whole grants, your grant is the scheme's sum.

    {{/paidByKey}}
    ## Payment

    | Date | Scheme | For | Amount (NOK) |
    |---|---|---|---:|
    {{#payments}}
    | {{date}} | {{scheme}} | {{purpose}} | {{amount}} |
    {{/payments}}
    | **Total** | | | **{{total}}** |

    The grant is paid to {{recipient}} on the dates above.

    {{#hasEgenandel}}
    ## Own contribution (egenandel)

    The owners contribute at least the scheme's rate themselves, which may be paid as salary or \
    release time.

    | Scheme | Who | Rate | Egenandel (NOK) |
    |---|---|---:|---:|
    {{#egenandel}}
    | {{scheme}} | {{payer}} | {{rate}} | {{amount}} |
    {{/egenandel}}

    {{/hasEgenandel}}
    ## Conditions

    The grant is to be used for the measures above, as the recommendation describes them.

    {{#conditions}}
    - {{.}}
    {{/conditions}}
    {{^conditions}}
    - The measures are school- or workplace-based and carried out as collective competence development.
    - The measures meet local needs and are in the network's long-term competence development plan.
    - A university or university college is development partner in analysis, planning, carrying out and evaluation.
    - Kompetanseløftet measures reach a broad target group: everyone around the children and pupils.
    - The money cannot pay for individual further education.
    {{/conditions}}

    Money not used according to the conditions may be claimed back.

    ## Reporting

    {{#reporting}}
    {{.}}
    {{/reporting}}
    {{^reporting}}
    The recipient reports on the use of the money: the four key questions (local anchoring, no \
    fragmentation, a school-based approach, the pupils' voice) and accounts for the grant.
    {{/reporting}}
    {{#reportingDeadline}}

    Reporting deadline: **{{.}}**.
    {{/reportingDeadline}}

    ## Appeal

    {{#appeal}}
    {{.}}
    {{/appeal}}
    {{^appeal}}
    The decision may be appealed under the Public Administration Act § 28, within three weeks of \
    receiving it (§ 29). The appeal is sent to Statsforvalteren i {{county}}.
    {{/appeal}}
    {{#contact}}

    ## Contact

    {{.}}
    {{/contact}}

    """
}
