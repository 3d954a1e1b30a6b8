"""The strings of the Utforsk view (search, table builder, SQL), in bokmål and English; analytics.i18n reads them
into its TEXTS, so `t()` finds them like every other string."""

from __future__ import annotations

EXPLORE_TEXTS: dict[str, tuple[str, str]] = {
    "nav.explore": ("Utforsk", "Explore"),
    "explore.title": ("Utforsk dataene", "Explore the data"),
    "explore.intro": (
        "Velg en tabell, filtrer med fasettene, grupper og last ned. Alle valg står i lenken, så en lenke åpner "
        "akkurat denne tabellen, dette utvalget og denne grupperingen.",
        "Pick a table, filter with the facets, group and download. Every choice is in the link, so a link opens "
        "exactly this table, selection and grouping.",
    ),
    "explore.table": ("Tabell", "Table"),
    "explore.empty_table": ("{org} har ingen rader i denne tabellen.", "{org} has no rows in this table."),
    "explore.facets": ("Fasetter", "Facets"),
    "explore.text_filter": ("Inneholder tekst", "Contains text"),
    "explore.text_filter_help": (
        "Rader der en tekstkolonne inneholder dette (store/små bokstaver og aksenter spiller ingen rolle).",
        "Rows where a text column contains this (case and accents do not matter).",
    ),
    "explore.choose": ("Velg verdier", "Choose values"),
    "explore.counts": ("Antall: {counts}", "Count: {counts}"),
    "explore.rows": ("{shown} av {total} rader", "{shown} of {total} rows"),
    "explore.rows_capped": (
        "Tabellen viser, og nedlastingene inneholder, de første {shown} radene av utvalget. Snevre inn med "
        "fasettene, eller grupper i tabellbyggeren under (den bruker alle radene).",
        "The table shows, and the downloads hold, the first {shown} rows of the selection. Narrow it with the "
        "facets, or group it in the table builder below (which uses every row).",
    ),
    "explore.no_rows": (
        "Ingen rader passer til utvalget. Fjern et filter for å se flere.",
        "No rows match the selection. Remove a filter to see more.",
    ),
    "explore.builder": ("Tabellbygger", "Table builder"),
    "explore.group_by": ("Grupper etter", "Group by"),
    "explore.then_by": ("Og etter", "Then by"),
    "explore.none": ("(ingen)", "(none)"),
    "explore.aggregate": ("Beregning", "Aggregate"),
    "explore.agg.count": ("Antall", "Count"),
    "explore.agg.sum": ("Sum", "Sum"),
    "explore.agg.mean": ("Gjennomsnitt", "Mean"),
    "explore.agg.latest": ("Siste verdi", "Latest value"),
    "explore.value": ("Av kolonne", "Of column"),
    "explore.no_numbers": (
        "Tabellen har ingen tallkolonne; bare antall kan beregnes.",
        "The table has no number column; only a count can be computed.",
    ),
    "explore.result": ("Resultat", "Result"),
    "explore.chart_title": ("{aggregate} etter {by}", "{aggregate} by {by}"),
    "explore.summary": (
        "{n} grupper. Størst: {top} ({value}).",
        "{n} groups. Largest: {top} ({value}).",
    ),
    "explore.summary_empty": ("Ingen grupper.", "No groups."),
    "explore.totals_left_out": (
        "Bare totalene er brukt (radene uten {part}): radene per {part_lower} er deler av dem og ville blitt talt "
        "to ganger. Grupper etter {part} for tallene per {part_lower}.",
        "Only the totals are used (the rows without {part}): the rows per {part_lower} are parts of them and would "
        "be counted twice. Group by {part} for the figures per {part_lower}.",
    ),
    "explore.mixed": (
        "{aggregate} er ikke regnet ut: radene blander ulike {columns}, som ikke kan legges sammen (for eksempel "
        "personer og prosent, eller en kommune og fylket den ligger i). Velg én verdi i fasetten, eller grupper "
        "etter {columns}.",
        "{aggregate} was not computed: the rows mix different {columns}, which cannot be added together (persons "
        "and percentages, for example, or a municipality and its county). Choose one value in the facet, or group "
        "by {columns}.",
    ),
    "explore.off_map": (
        "Ikke på kartet (ingen kjent plassering): {names}.",
        "Not on the map (no known position): {names}.",
    ),
    "explore.result_rows": ("Rader i utvalget", "Rows in the selection"),
    "explore.download_xlsx": ("Last ned Excel", "Download Excel"),
    "explore.xlsx_hint": (
        "Det som vises, med kildene på et eget ark.",
        "What is shown, with the sources on a second sheet.",
    ),
    "explore.sheet_data": ("Data", "Data"),
    "explore.sheet_sources": ("Kilder", "Sources"),
    "explore.inferred": (
        "Kolonner merket «egen klassifisering» er dashbordets egen inndeling, ikke kildens.",
        "Columns marked «own classification» are the dashboard's own grouping, not the source's.",
    ),
    "explore.own": ("egen klassifisering", "own classification"),
    "explore.sources_of_reports": ("Statusrapporter i databasen", "Status reports in the database"),
    # tables
    "explore.t.partners": ("Vennskapsbyer", "Twin cities"),
    "explore.t.partner_facts": ("Fakta om vennskapsbyer", "Facts about twin cities"),
    "explore.t.partner_conflicts": ("Kilder som er uenige", "Conflicting sources"),
    "explore.t.networks": ("Nettverk og målområder", "Networks and goal areas"),
    "explore.t.network_facts": ("Fakta om nettverk", "Facts about networks"),
    "explore.t.goal_areas": ("Målområder", "Goal areas"),
    "explore.t.measures": ("Tiltak med siste rapport", "Measures with their latest report"),
    "explore.t.reports": ("Statusrapporter", "Status reports"),
    "explore.t.population": ("Befolkningstall", "Population figures"),
    "explore.t.sources": ("Kilder", "Sources"),
    # columns
    "explore.c.name": ("Navn", "Name"),
    "explore.c.city": ("By", "City"),
    "explore.c.country": ("Land", "Country"),
    "explore.c.agreement_type": ("Avtaletype", "Agreement type"),
    "explore.c.since_year": ("Siden år", "Since year"),
    "explore.c.status": ("Status", "Status"),
    "explore.c.nordic_platform": ("Nordisk plattform", "Nordic platform"),
    "explore.c.lat": ("Breddegrad", "Latitude"),
    "explore.c.lon": ("Lengdegrad", "Longitude"),
    "explore.c.source": ("Kilde", "Source"),
    "explore.c.year": ("År", "Year"),
    "explore.c.kind": ("Type", "Kind"),
    "explore.c.area": ("Aktivitetsområde", "Activity area"),
    "explore.c.text": ("Tekst", "Text"),
    "explore.c.field": ("Felt", "Field"),
    "explore.c.value": ("Verdi", "Value"),
    "explore.c.note": ("Merknad", "Note"),
    "explore.c.network": ("Nettverk", "Network"),
    "explore.c.goal_area": ("Målområde", "Goal area"),
    "explore.c.scope": ("Rekkevidde", "Scope"),
    "explore.c.theme": ("Tema", "Theme"),
    "explore.c.join_year": ("Innmeldt år", "Joined in"),
    "explore.c.description": ("Beskrivelse", "Description"),
    "explore.c.number": ("Nummer", "Number"),
    "explore.c.goal": ("Mål", "Goal"),
    "explore.c.id": ("Id", "Id"),
    "explore.c.title": ("Tittel", "Title"),
    "explore.c.responsible": ("Ansvarlig", "Responsible"),
    "explore.c.plan_period": ("Planperiode", "Plan period"),
    "explore.c.start": ("Start", "Start"),
    "explore.c.due": ("Frist", "Due"),
    "explore.c.due_year": ("Fristår", "Due year"),
    "explore.c.progress": ("Framdrift (%)", "Progress (%)"),
    "explore.c.reported_at": ("Sist rapportert", "Last reported"),
    "explore.c.indicator_unit": ("Indikatorenhet", "Indicator unit"),
    "explore.c.indicator_target": ("Indikatormål", "Indicator target"),
    "explore.c.indicator_value": ("Indikatorverdi", "Indicator value"),
    "explore.c.sdgs": ("Bærekraftsmål", "SDGs"),
    "explore.c.measure": ("Tiltak", "Measure"),
    "explore.c.period": ("Periode", "Period"),
    "explore.c.comment": ("Kommentar", "Comment"),
    "explore.c.reporter": ("Rapportert av", "Reported by"),
    "explore.c.report_year": ("Rapportår", "Report year"),
    "explore.c.region": ("Region", "Region"),
    "explore.c.figure": ("Mål (tall)", "Figure"),
    "explore.c.country_background": ("Landbakgrunn", "Country background"),
    "explore.c.symbol": ("SSB-symbol", "SSB symbol"),
    "explore.c.unit": ("Enhet", "Unit"),
    "explore.c.publisher": ("Utgiver", "Publisher"),
    "explore.c.date": ("Dato", "Date"),
    "explore.c.licence": ("Lisens", "Licence"),
    "explore.c.url": ("Adresse", "Address"),
    "explore.c.short": ("Kortnavn", "Short name"),
    "explore.fact.agreement": ("avtale", "agreement"),
    "explore.fact.activity": ("aktivitet", "activity"),
    "explore.fact.milestone": ("milepæl", "milestone"),
    "explore.fact.note": ("merknad", "note"),
    "explore.unit.personer": ("personer", "persons"),
    "explore.unit.prosent": ("prosent", "percent"),
    "explore.field.since_year": ("startår", "start year"),
    # search
    "search.label": ("Søk i alle organisasjoner", "Search every organisation"),
    "search.placeholder": ("By, land, nettverk, tiltak, kilde …", "City, country, network, measure, source …"),
    "search.none": ("Ingen treff for «{query}».", "No hits for «{query}»."),
    "search.hits": ("{n} treff", "{n} hits"),
    "search.more": ("Viser de {shown} første av {n} treff.", "Showing the first {shown} of {n} hits."),
    "search.kind.partner": ("Vennskapsby", "Twin city"),
    "search.kind.partner_fact": ("Fakta om vennskapsby", "Twin-city fact"),
    "search.kind.network": ("Nettverk", "Network"),
    "search.kind.network_fact": ("Fakta om nettverk", "Network fact"),
    "search.kind.measure": ("Tiltak", "Measure"),
    "search.kind.goal_area": ("Målområde", "Goal area"),
    "search.kind.country": ("Landbakgrunn", "Country background"),
    "search.kind.source": ("Kilde", "Source"),
    # SQL
    "sql.header": ("SQL for analytikere", "SQL for analysts"),
    "sql.intro": (
        "Bare lesing (SELECT) over tabellene over for valgt organisasjon: {tables}. Høyst {rows} rader og "
        "{seconds} sekunder; filer, nettverk og utvidelser er slått av.",
        "Read-only (SELECT) over the tables above for the chosen organisation: {tables}. At most {rows} rows and "
        "{seconds} seconds; files, network and extensions are switched off.",
    ),
    "sql.query": ("Spørring", "Query"),
    "sql.run": ("Kjør", "Run"),
    "sql.truncated": (
        "Viser de første {rows} radene; spørringen ga flere.",
        "Showing the first {rows} rows; the query gave more.",
    ),
    "sql.rows": ("{n} rader", "{n} rows"),
    "sql.refused.empty": ("Skriv en spørring først.", "Write a query first."),
    "sql.refused.syntax": (
        "Spørringen kan ikke leses som SQL. Se etter skrivefeil i ordene (SELECT, FROM, WHERE …), komma og "
        "anførselstegn.",
        "The query cannot be read as SQL. Look for typing errors in the words (SELECT, FROM, WHERE …), commas and "
        "quotes.",
    ),
    "sql.refused.several": (
        "Bare én spørring om gangen (ingen semikolon mellom flere).",
        "Only one query at a time (no semicolon between several).",
    ),
    "sql.refused.file": (
        "Spørringen ble stoppet: den prøver å lese eller skrive en fil eller nå nettet ({kind}), og det er slått av "
        "her. Bare tabellene i listen over kan brukes. Ingenting er endret.",
        "The query was stopped: it tries to read or write a file or reach the network ({kind}), which is switched "
        "off here. Only the tables listed above can be used. Nothing was changed.",
    ),
    "sql.refused.attach": (
        "Spørringen ble ikke kjørt: å koble til en annen database ({kind}) er slått av. Ingenting er endret.",
        "The query was not run: attaching another database ({kind}) is switched off. Nothing was changed.",
    ),
    "sql.refused.extension": (
        "Spørringen ble ikke kjørt: å installere eller laste utvidelser ({kind}) er slått av, og ingenting hentes "
        "fra nettet. Ingenting er endret.",
        "The query was not run: installing or loading extensions ({kind}) is switched off, and nothing is fetched "
        "from the network. Nothing was changed.",
    ),
    "sql.refused.setting": (
        "Spørringen ble ikke kjørt: innstillingene ({kind}) kan ikke endres her. Ingenting er endret.",
        "The query was not run: the settings ({kind}) cannot be changed here. Nothing was changed.",
    ),
    "sql.refused.write": (
        "Spørringen ble ikke kjørt: her kan du bare lese (SELECT), ikke skrive eller endre ({kind}). Ingenting er "
        "endret.",
        "The query was not run: here you can only read (SELECT), not write or change ({kind}). Nothing was changed.",
    ),
    "sql.refused.time": (
        "Spørringen ble stoppet etter {seconds} sekunder (tidsgrensen). Avgrens den, for eksempel med WHERE eller "
        "LIMIT.",
        "The query was stopped after {seconds} seconds (the time limit). Narrow it, e.g. with WHERE or LIMIT.",
    ),
    "sql.refused.error": (
        "Spørringen kunne ikke kjøres. Sjekk navnene på tabeller og kolonner og at tall og tekst ikke blandes.",
        "The query could not be run. Check the names of tables and columns, and that numbers and text are not mixed.",
    ),
    "sql.refused.table": (
        "Spørringen kunne ikke kjøres: tabellen «{name}» finnes ikke her. Tabellene er: {tables}.",
        "The query could not be run: there is no table «{name}» here. The tables are: {tables}.",
    ),
    "sql.refused.column": (
        "Spørringen kunne ikke kjøres: kolonnen «{name}» finnes ikke i tabellene spørringen leser. Kolonnenavnene "
        "står i tabellen over (når du velger tabellen) og i nedlastingene.",
        "The query could not be run: there is no column «{name}» in the tables the query reads. The column names "
        "are those of the table above (when you choose it) and of the downloads.",
    ),
    "sql.refused.types": (
        "Spørringen kunne ikke kjøres: den blander typer (for eksempel tekst der det skal være tall), eller en "
        "kolonne står verken i GROUP BY eller i en aggregatfunksjon.",
        "The query could not be run: it mixes types (text where a number is expected, for example), or a column is "
        "neither in GROUP BY nor in an aggregate function.",
    ),
    "sql.refused.conversion": (
        "Spørringen kunne ikke kjøres: en verdi kan ikke gjøres om til typen spørringen ber om (for eksempel tekst "
        "til tall).",
        "The query could not be run: a value cannot be converted to the type the query asks for (text to a number, "
        "for example).",
    ),
}
