"""Every UI string, in bokmål and English, in one place."""

from __future__ import annotations

from analytics.explore_texts import EXPLORE_TEXTS

LANGUAGES = {"nb": "Norsk (bokmål)", "en": "English"}

TEXTS: dict[str, tuple[str, str]] = {
    # frame
    "app.organisation": ("Organisasjon", "Organisation"),
    "app.footer": (
        "Alle tall med kilde. Programmet kjører uten internett.",
        "Every figure with its source. The app runs without the internet.",
    ),
    "app.data_error": (
        "Dataene kunne ikke lastes, og ingenting er vist fra dem.",
        "The data could not be loaded; nothing from it is shown.",
    ),
    "app.demo_banner": (
        "Eksempeldata – ikke reelle rapporter. Statusrapportene i denne demoen er oppdiktet for å vise dashbordet "
        "og ligger i en egen demodatabase; ingenting her er en vurdering av de virkelige tiltakene.",
        "Example data – not real reports. The status reports in this demo are made up to show the dashboard and "
        "are kept in a separate demo database; nothing here assesses the real measures.",
    ),
    "app.demo_label": ("Eksempeldata", "Example data"),
    "nav.overview": ("Oversikt", "Overview"),
    "nav.partners": ("Vennskapsbyer", "Twin cities"),
    "nav.networks": ("Nettverk", "Networks"),
    "nav.about": ("Om dataene", "About the data"),
    "nav.population": ("Befolkning", "Population"),
    "nav.measures": ("Tiltak", "Measures"),
    # common
    "source": ("Kilde", "Source"),
    "sources": ("Kilder", "Sources"),
    "yes": ("ja", "yes"),
    "no": ("nei", "no"),
    "download_csv": ("Last ned CSV", "Download CSV"),
    "csv_hint": (
        "Semikolonseparert, UTF-8 – åpnes direkte i Excel.",
        "Semicolon-separated, UTF-8 – opens directly in Excel.",
    ),
    "chart.data": ("Tallene bak figuren", "The figures behind the chart"),
    "col.total": ("I alt", "Total"),
    "col.goal_area": ("Målområde", "Goal area"),
    "col.networks": ("Antall nettverk", "Number of networks"),
    # overview
    "overview.adopted_by": ("Vedtatt av {by} {date}", "Adopted by {by} on {date}"),
    "overview.period": ("Periode {start}–{end}.", "Period {start}–{end}."),
    "overview.period_from": ("Fra {start}.", "From {start}."),
    "overview.networks": ("Nettverk", "Networks"),
    "overview.go_networks": ("Se nettverkene per målområde", "See the networks per goal area"),
    "overview.partners": ("Vennskapsbyer og avtaler", "Twin cities and agreements"),
    "overview.goal_areas": ("Målområder", "Goal areas"),
    "overview.desired_results": ("Strategien skal resultere i", "The strategy is to result in"),
    "overview.goal": ("Mål", "Goal"),
    "overview.main_strategy": ("Hovedstrategi", "Main strategy"),
    "overview.no_strategy": (
        "Denne organisasjonen har ingen strategi i dataene.",
        "This organisation has no strategy in the data.",
    ),
    "overview.go_partners": ("Se vennskapsbyene på kartet", "See the twin cities on the map"),
    "overview.go_about": ("Kilder og datanotater", "Sources and data notes"),
    "overview.partners_note": ("{active} aktive", "{active} active"),
    "overview.partners_not_stated": ("{n} med status ikke oppgitt", "{n} with status not stated"),
    "overview.go_measures": ("Følg opp tiltakene", "Follow up the measures"),
    "overview.go_population": ("Se befolkningstallene", "See the population figures"),
    "overview.go_present": ("Presenter for et møte", "Present to a meeting"),
    "overview.go_explore": ("Utforsk tabellene selv", "Explore the tables yourself"),
    "overview.ways_in": ("Gå videre", "Go further"),
    "overview.status_caption": ("Alle tiltak: {statuses}.", "All measures: {statuses}."),
    "overview.measures": ("Tiltak å følge opp", "Measures to follow up"),
    "overview.population": (
        "Innvandrerbakgrunn {year}",
        "Immigrant background {year}",  # short enough to keep its year in a quarter of 1400 px; region in the note
    ),
    "overview.population_note": (
        "andel av befolkningen i {region} (SSB)",
        "share of the population of {region} (SSB)",
    ),
    "col.number": ("Nr.", "No."),
    # slides and presentation
    "slides.example_data": ("EKSEMPELDATA", "EXAMPLE DATA"),
    "slides.name.oversikt": ("Oversikt: strategien i tall", "Overview: the strategy in figures"),
    "slides.name.vennskapsbyer": ("Vennskapsbyer på kart", "Twin cities on a map"),
    "slides.name.nettverk": ("Nettverk per målområde", "Networks per goal area"),
    "slides.name.tiltak": ("Status for tiltakene", "Status of the measures"),
    "slides.name.befolkning": ("Innvandrerbakgrunn over tid", "Immigrant background over time"),
    "nav.present": ("Presentasjon", "Presentation"),
    "present.title": ("Presentasjon for møtet", "Presentation for the meeting"),
    "present.intro": (
        "Velg lysbildene, og slå på presentasjonsmodus for fullskjerm. Piltastene blar, Esc avslutter. "
        "Lenken i adressefeltet åpner nøyaktig dette lysbildet.",
        "Choose the slides and switch on presentation mode for full screen. The arrow keys turn the slides, "
        "Esc leaves. The link in the address bar opens exactly this slide.",
    ),
    "present.choose": ("Lysbilder", "Slides"),
    "present.none": ("Ingen lysbilder valgt.", "No slides chosen."),
    "present.mode": ("Presentasjonsmodus (fullskjerm)", "Presentation mode (full screen)"),
    "present.previous": ("Forrige", "Previous"),
    "present.next": ("Neste", "Next"),
    "present.leave": ("Avslutt", "Leave"),
    "present.slide_of": ("lysbilde {n} av {total}", "slide {n} of {total}"),
    "slides.data.sources_dated": ("kilder datert {years}", "sources dated {years}"),
    "slides.data.undated": ("kildene er ikke datert", "the sources are undated"),
    "slides.data.latest_report": ("siste rapport {date}", "latest report {date}"),
    "slides.data.no_reports": ("ingen rapporter ennå", "no reports yet"),
    "slides.data.years": ("tall for {years}", "figures for {years}"),
    "slides.data.no_figures": ("ingen tall", "no figures"),
    "slides.data.fetched": ("hentet fra SSB {date}", "fetched from SSB {date}"),
    "present.data": ("Tallene bak figuren", "The figures behind the chart"),
    "present.export": ("Til møtepapirene", "For the meeting papers"),
    "present.report_title": ("Internasjonal strategi – statusrapport", "International strategy – status report"),
    "present.download_html": ("Last ned rapport (HTML)", "Download the report (HTML)"),
    "present.html_hint": (
        "Én fil som åpnes i enhver nettleser uten internett; figurene er interaktive.",
        "One file that opens in any browser without the internet; the charts are interactive.",
    ),
    "present.make_pptx": ("Lag PowerPoint (16:9)", "Make a PowerPoint (16:9)"),
    "present.making_pptx": ("Tegner figurene …", "Drawing the charts …"),
    "present.download_pptx": ("Last ned PowerPoint", "Download the PowerPoint"),
    "slides.measures_summary": ("{n} tiltak: {statuses}.", "{n} measures: {statuses}."),
    "slides.measures_late": ("{n} er forsinket etter frist.", "{n} are past their due date."),
    "slides.reports_source": ("; statusrapporter fra databasen", "; status reports from the database"),
    # partners view
    "partners.title": (
        "Vennskapsbyer og samarbeidsavtaler",
        "Twin cities and cooperation agreements",
    ),
    "partners.none": (
        "{org} har ingen vennskapsbyer i dataene.",
        "{org} has no twin cities in the data.",
    ),
    "partners.year": ("År", "Year"),
    "partners.play": ("Spill av", "Play"),
    "partners.pause": ("Pause", "Pause"),
    "partners.in_year": (
        "{n} av {total} avtaler var inngått i {year}.",
        "{n} of {total} agreements had begun by {year}.",
    ),
    "partners.map_caption": (
        "Kart over {n} partnerbyer i {year}, med buer fra {home}. Farge etter avtaletype; hvilende relasjoner er hule og grå.",
        "Map of {n} partner cities in {year}, with arcs from {home}. Colour by agreement type; dormant relations are hollow and grey.",
    ),
    "partners.extent": ("Utsnitt", "Extent"),
    "partners.extent.world": ("Alle byer", "All cities"),
    "partners.extent.europe": ("Europa", "Europe"),
    "partners.legend": ("Forklaring", "Legend"),
    "partners.dormant": ("hvilende", "dormant"),
    "partners.home": ("hjemby", "home city"),
    "partners.chart_title": ("Antall avtaler over tid", "Number of agreements over time"),
    "partners.chart_year": ("Valgt:", "Selected:"),
    "partners.chart_summary": (
        "Første avtale: {first}. Flest nye avtaler i ett år: {peak_n} i {peak_year}. I alt {total} i {last}.",
        "First agreement: {first}. Most new agreements in one year: {peak_n} in {peak_year}. {total} in all by {last}.",
    ),
    "partners.profile": ("Profil", "Profile"),
    "partners.choose_city": ("Velg by", "Choose a city"),
    "partners.since": ("Siden", "Since"),
    "partners.type": ("Avtaletype", "Agreement type"),
    "partners.status": ("Status", "Status"),
    "partners.nordic_platform": ("Nordisk plattform", "Nordic platform"),
    "partners.areas": (
        "Aktivitetsområder (dashboardets klassifisering av kildenes tekst)",
        "Activity areas (the dashboard's classification of the sources' text)",
    ),
    "partners.areas_none": (
        "Ingen aktivitetsområder funnet i kildene.",
        "No activity areas found in the sources.",
    ),
    "partners.facts": ("Avtaleinnhold og hendelser", "Agreement content and events"),
    "partners.facts_none": (
        "Ingen opplysninger om avtaleinnhold funnet.",
        "No information on the agreement's content found.",
    ),
    "partners.conflict": (
        "Kildene spriker om startåret: {used} ({used_source}) mot {other} ({other_source}). {note}",
        "The sources disagree on the start year: {used} ({used_source}) against {other} ({other_source}). {note}",
    ),
    "partners.table": ("Alle partnerbyer", "All partner cities"),
    "partners.tooltip": (
        "{name} – {country}\n{type}, siden {year}\n{status}",
        "{name} – {country}\n{type}, since {year}\n{status}",
    ),
    # networks view
    "networks.title": ("Internasjonale nettverk", "International networks"),
    "networks.none": ("{org} har ingen nettverk i dataene.", "{org} has no networks in the data."),
    "networks.no_goal_areas": (
        "{org} har ingen målområder i dataene, så nettverkene kan ikke knyttes til målområder.",
        "{org} has no goal areas in the data, so its networks cannot be tied to goal areas.",
    ),
    "networks.summary": (
        "{n} nettverk. Færrest nettverk: {fewest} ({k}).",
        "{n} networks. Fewest networks: {fewest} ({k}).",
    ),
    "networks.summary_unlinked": (
        "{n} nettverk. Ingen av dem er knyttet til et målområde i dataene.",
        "{n} networks. None of them is tied to a goal area in the data.",
    ),
    "networks.matrix_title": ("Nettverk per målområde", "Networks per goal area"),
    "networks.matrix_caption": (
        "Hver prikk er et nettverk som strategien knytter til målområdet.",
        "Each dot is a network the strategy ties to the goal area.",
    ),
    "networks.counts_title": ("Antall nettverk per målområde", "Number of networks per goal area"),
    "networks.scope_title": ("Omfang per målområde", "Scope per goal area"),
    "networks.coverage_counts": (
        "{links} prikker for {n} nettverk; {several} av dem er knyttet til mer enn ett målområde.",
        "{links} dots for {n} networks; {several} of them are tied to more than one goal area.",
    ),
    "networks.counts_summary": (
        "Antall nettverk per målområde: {items}. Et nettverk kan høre til flere målområder.",
        "Number of networks per goal area: {items}. A network may belong to several goal areas.",
    ),
    "networks.scope_summary": (
        "Nettverkene etter omfang, talt én gang for hvert målområde de tjener ({total} i alt): {items}.",
        "The networks by scope, counted once for each goal area they serve ({total} in all): {items}.",
    ),
    "networks.gaps": ("Hull", "Gaps"),
    "networks.gap_fewest": ("Målområde med færrest nettverk", "Goal area with the fewest networks"),
    "networks.gap_unlinked": ("Nettverk uten målområde", "Networks serving no goal area"),
    "networks.gap_themes": ("Tema uten nettverk", "Themes no network covers"),
    "networks.none_listed": ("ingen", "none"),
    "networks.own_classification": (
        "Tema og omfang er dashboardets egen klassifisering, ikke kildens.",
        "Theme and scope are this dashboard's own classification, not the source's.",
    ),
    "networks.profile": ("Nettverksprofil", "Network profile"),
    "networks.choose": ("Velg nettverk", "Choose a network"),
    "networks.facts": ("Opplysninger", "Facts"),
    "networks.facts_none": ("Ingen flere opplysninger funnet i kildene.", "No further facts found in the sources."),
    "networks.join_unknown": ("ikke funnet i kildene", "not found in the sources"),
    "networks.table": ("Alle nettverk", "All networks"),
    "networks.compare": ("Sammenligning med en annen organisasjon", "Comparison with another organisation"),
    "networks.compare_with": ("Sammenlign med", "Compare with"),
    "networks.compare_none": (
        "Det finnes ingen annen organisasjon med nettverk i dataene.",
        "No other organisation has networks in the data.",
    ),
    "networks.compare_summary": (
        "Tema begge har: {both}. Bare {first}: {only_first}. Bare {second}: {only_second}.",
        "Themes both have: {both}. Only {first}: {only_first}. Only {second}: {only_second}.",
    ),
    "networks.both": ("begge", "both"),
    "networks.only": ("bare {org}", "only {org}"),
    "networks.neither": ("ingen av dem", "neither"),
    "scope.global": ("globalt", "global"),
    "scope.european": ("europeisk", "European"),
    "scope.nordic": ("nordisk", "Nordic"),
    "scope.national_regional": ("nasjonalt/regionalt", "national/regional"),
    "scope.local": ("lokalt", "local"),
    "scope.unknown": ("ukjent", "unknown"),
    "theme.sustainability": ("bærekraft og bærekraftsmål", "sustainability and SDGs"),
    "theme.smart_city": ("smart by", "smart city"),
    "theme.culture_heritage": ("kultur og kulturarv", "culture and heritage"),
    "theme.education_research": ("utdanning og forskning", "education and research"),
    "theme.business_rd": ("næringsliv og FoU", "business and R&D"),
    "theme.transport": ("transport", "transport"),
    "theme.health_ageing": ("helse og aldring", "health and ageing"),
    "theme.refugees_human_rights": ("flyktninger og menneskerettigheter", "refugees and human rights"),
    "theme.eu_access": ("tilgang til EU", "EU access"),
    "theme.twin_nordic": ("vennskapsbyer og nordisk samarbeid", "twin cities and Nordic cooperation"),
    "col.network": ("Nettverk", "Network"),
    "col.goal_areas": ("Målområder", "Goal areas"),
    "col.scope": ("Omfang", "Scope"),
    "col.theme": ("Tema", "Theme"),
    "col.who": ("Hvem", "Who"),
    "col.description": ("Beskrivelse", "Description"),
    "col.join_year": ("Innmeldt", "Joined"),
    # agreement types, statuses, areas
    "type.vennskapsby": ("Vennskapsby", "Twin city"),
    "type.intensjonsavtale": ("Intensjonsavtale", "Letter of intent"),
    "type.mou": ("MoU / solidaritet", "MoU / solidarity"),
    "partner_status.aktiv": ("aktiv", "active"),
    "partner_status.hvilende": ("hvilende", "dormant"),
    "partner_status.ikke_oppgitt": ("ikke oppgitt", "not stated"),
    # marks on values the dashboard inferred or wrote itself (source id egen-klassifisering)
    "own.inferred": ("{value} (egen slutning)", "{value} (own inference)"),
    "own.written": ("{value} (skrevet av dashbordet)", "{value} (written by the dashboard)"),
    "networks.coverage_own": (
        "Hul prikk: koblingen til målområdet er dashboardets egen slutning ({names}).",
        "Hollow dot: the link to the goal area is the dashboard's own inference ({names}).",
    ),
    "area.culture": ("kultur", "culture"),
    "area.youth": ("ungdom", "youth"),
    "area.environment": ("miljø", "environment"),
    "area.solidarity": ("solidaritet", "solidarity"),
    "area.education": ("utdanning", "education"),
    "area.research": ("forskning og teknologi", "research and technology"),
    "area.business": ("næringsliv", "business"),
    "area.urban_planning": ("byplanlegging", "urban planning"),
    "area.tourism": ("turisme", "tourism"),
    "area.administration": ("kommunal forvaltning", "municipal administration"),
    "area.eu": ("EU-prosjekter", "EU projects"),
    # columns
    "col.name": ("By", "City"),
    "col.country": ("Land", "Country"),
    "col.type": ("Avtaletype", "Agreement type"),
    "col.since": ("Siden", "Since"),
    "col.status": ("Status", "Status"),
    "col.nordic": ("Nordisk plattform", "Nordic platform"),
    "col.sources": ("Kilder", "Sources"),
    "col.id": ("Id", "Id"),
    "col.title": ("Tittel", "Title"),
    "col.publisher": ("Utgiver", "Publisher"),
    "col.url": ("Lenke", "Link"),
    "col.date": ("Dato", "Date"),
    "col.licence": ("Lisens", "Licence"),
    "col.note": ("Merknad", "Note"),
    "col.used_year": ("År brukt", "Year used"),
    "col.other_year": ("Annet år", "Other year"),
    "col.other_source": ("Kilde for annet år", "Source of the other year"),
    "col.file": ("Fil", "File"),
    "col.rows": ("Rader", "Rows"),
    # population
    "pop.title": ("Befolkning – internasjonal bakgrunn", "Population – international background"),
    "pop.share_of_population": ("{share} av befolkningen", "{share} of the population"),
    "pop.snapshot_fetch": (
        "Hent hele serien fra SSB med knappen (krever internett).",
        "Fetch the whole series from Statistics Norway with the button (needs internet).",
    ),
    "pop.none": (
        "Det finnes ingen befolkningstall for {org} i datapakken.",
        "There are no population figures for {org} in the data bundle.",
    ),
    "pop.definition": (
        "Innvandrerbakgrunn = innvandrere og norskfødte med innvandrerforeldre (SSBs kategori). Tallene gjelder "
        "1. januar der ikke annet er sagt.",
        "Immigrant background = immigrants and Norwegian-born to immigrant parents (Statistics Norway's category). "
        "Figures are for 1 January unless stated otherwise.",
    ),
    "pop.snapshot": (
        "Viser bare enkelttallene som følger med dashbordet, hvert med sin kilde – ikke en full tidsserie. "
        "År uten tall står tomme.",
        "Showing only the individual figures shipped with the dashboard, each with its source – not a full series. "
        "Years without figures are left empty.",
    ),
    "pop.fetched": (
        "Hentet fra SSB, tabell {tables}, {fetched}. SSB oppdaterte tabellen {updated}.",
        "Fetched from Statistics Norway, table {tables}, {fetched}. Statistics Norway updated the table {updated}.",
    ),
    "pop.refresh": ("Hent fra SSB", "Fetch from Statistics Norway"),
    "pop.refresh_again": ("Oppdater fra SSB", "Update from Statistics Norway"),
    "pop.refreshing": ("Henter tabell 09817 fra SSB …", "Fetching table 09817 from Statistics Norway …"),
    "pop.refreshed": (
        "Oppdatert: {rows} rader, {first}–{last}.",
        "Updated: {rows} rows, {first}–{last}.",
    ),
    "pop.refresh_failed": (
        "Tallene er ikke oppdatert, og de som vises er uendret.",
        "The figures were not updated; those shown are unchanged.",
    ),
    "pop.fetched_broken": (
        "Den hentede SSB-filen kan ikke brukes, så dashbordet viser tallene som følger med.",
        "The file fetched from Statistics Norway cannot be used, so the dashboard shows the shipped figures.",
    ),
    "pop.no_ssb": (
        "SSB har bare tall for Norge; {org} har ingen regioner med SSB-kode.",
        "Statistics Norway only has figures for Norway; {org} has no regions with a Statistics Norway code.",
    ),
    "pop.share_title": (
        "Andel av befolkningen med innvandrerbakgrunn",
        "Share of the population with an immigrant background",
    ),
    "pop.share_summary": (
        "Siste målte andel: {items}. Punktene er målte år; der det mangler år, er linjen brutt.",
        "Latest measured share: {items}. Points are measured years; where years are missing, the line is broken.",
    ),
    "pop.no_measured": ("ingen målte tall", "no measured figures"),
    "pop.persons_title": (
        "Personer med innvandrerbakgrunn – {region}",
        "Persons with an immigrant background – {region}",
    ),
    "pop.region": ("Område", "Area"),
    "pop.persons_summary": (
        "Skravert søyle: kilden oppgir bare summen, ikke fordelingen på innvandrere og norskfødte.",
        "Hatched bar: the source gives only the total, not the split into immigrants and Norwegian-born.",
    ),
    "pop.persons_latest": (
        "{region} hadde {total} innbyggere med innvandrerbakgrunn i {year}.",
        "{region} had {total} residents with an immigrant background in {year}.",
    ),
    "pop.persons_latest_split": (
        "{region} hadde {total} innbyggere med innvandrerbakgrunn i {year}: {immigrants} innvandrere og {born} "
        "norskfødte med innvandrerforeldre.",
        "{region} had {total} residents with an immigrant background in {year}: {immigrants} immigrants and {born} "
        "Norwegian-born to immigrant parents.",
    ),
    "pop.persons_first": ("I {year} var tallet {total}.", "In {year} the figure was {total}."),
    "pop.persons_no_total": (
        "Kilden oppgir ingen sum for {region}, bare delene.",
        "The source gives no total for {region}, only its parts.",
    ),
    "pop.col.persons": ("Personer", "Persons"),
    "pop.countries": ("Landbakgrunn", "Country background"),
    "pop.year": ("År", "Year"),
    "pop.top_title": ("Største landbakgrunner, {region} {year}", "Largest country backgrounds, {region} {year}"),
    "pop.top_caption": (
        "Viser landene kilden nevner ({n}), ikke alle land. Mørkeblå søyle: land med en partnerby (vennskapsby, intensjonsavtale eller MoU).",
        "Shows the countries the source names ({n}), not every country. Dark blue bar: a country with a partner city (twin city, letter of intent or MoU).",
    ),
    "pop.top_caption_of": (
        "De {n} største av {total} landbakgrunner. Mørkeblå søyle: land med en partnerby (vennskapsby, intensjonsavtale eller MoU).",
        "The {n} largest of {total} country backgrounds. Dark blue bar: a country with a partner city (twin city, letter of intent or MoU).",
    ),
    "pop.top_summary": (
        "Største landbakgrunner i {region} i {year}: {items}.",
        "Largest country backgrounds in {region} in {year}: {items}.",
    ),
    "pop.top_partners": ("Partnerbyenes land: {items}.", "The partner cities' countries: {items}."),
    "pop.change_title": ("Endring {first}–{last}, {region}", "Change {first}–{last}, {region}"),
    "pop.from": ("Fra", "From"),
    "pop.to": ("Til", "To"),
    "pop.change_one_year": (
        "Tallene etter landbakgrunn har bare ett år for {region}, så det er ingen endring å vise.",
        "The figures by country background cover only one year for {region}, so there is no change to show.",
    ),
    "pop.change_missing": (
        "Ikke med i begge år (ingen endring beregnet): {names}.",
        "Not in both years (no change computed): {names}.",
    ),
    "pop.change_counts": (
        "{up} av {n} landbakgrunner med tall i begge år økte fra {first} til {last}; {down} gikk ned.",
        "{up} of {n} country backgrounds with figures in both years grew from {first} to {last}; {down} fell.",
    ),
    "pop.change_largest": ("Størst endring: {name} {change}.", "Largest change: {name} {change}."),
    "pop.change_none": (
        "Ingen landbakgrunn har tall i både {first} og {last}.",
        "No country background has figures in both {first} and {last}.",
    ),
    "pop.col.change": ("Endring", "Change"),
    "pop.col.change_percent": ("Endring i prosent", "Change in per cent"),
    "pop.partners": ("Partnerbyenes land", "The partner cities' countries"),
    "pop.partners_intro": (
        "Innbyggere i {region} med bakgrunn fra landet til en partnerby, {year}. «–» betyr at landet ikke er blant tallene.",
        "Residents of {region} with a background from a partner city's country, {year}. "
        '"–" means the country is not among the figures.',
    ),
    "pop.partners_link": ("Se partnerbyene på kartet", "See the partner cities on the map"),
    "pop.col.partner": ("Partnerby", "Partner city"),
    "pop.col.residents": ("Innbyggere med bakgrunn derfra", "Residents with that background"),
    "pop.other_title": ("Andre mål (ikke innvandrerbakgrunn)", "Other measures (not immigrant background)"),
    "pop.other_warning": (
        "Utenlandske statsborgere og personer med fremmedspråk som morsmål er ikke samme mål som norsk "
        "«innvandrere og norskfødte med innvandrerforeldre». Tallene kan ikke sammenlignes direkte.",
        "Foreign citizens and people with a foreign mother tongue are not the same measure as the Norwegian "
        '"immigrants and Norwegian-born to immigrant parents". The figures cannot be compared directly.',
    ),
    "pop.data": ("Tallene som tabell", "The figures as a table"),
    "pop.data_first": (
        "Tabellen viser de første {n} av {total} tallene; CSV-filen har alle.",
        "The table shows the first {n} of {total} figures; the CSV file has them all.",
    ),
    "pop.col.region": ("Område", "Area"),
    "pop.col.year": ("År", "Year"),
    "pop.col.measure": ("Mål", "Measure"),
    "pop.col.country": ("Landbakgrunn", "Country background"),
    "pop.col.value": ("Verdi", "Value"),
    "pop.col.source": ("Kilde", "Source"),
    "pop.col.note": ("Merknad", "Note"),
    "region.norge": ("Hele landet", "Norway"),
    "region.finland": ("Finland", "Finland"),
    "pop.all_countries": ("alle land", "all countries"),
    "measure.innvandrerbakgrunn": (
        "Innvandrere og norskfødte med innvandrerforeldre",
        "Immigrants and Norwegian-born to immigrant parents",
    ),
    "measure.innvandrere": ("Innvandrere", "Immigrants"),
    "measure.norskfodte": ("Norskfødte med innvandrerforeldre", "Norwegian-born to immigrant parents"),
    "measure.andel_innvandrerbakgrunn": ("Andel med innvandrerbakgrunn", "Share with an immigrant background"),
    "measure.andel_innvandrere": ("Andel innvandrere", "Share of immigrants"),
    "measure.andel_norskfodte": (
        "Andel norskfødte med innvandrerforeldre",
        "Share of Norwegian-born to immigrant parents",
    ),
    "measure.utenlandske_statsborgere": ("Utenlandske statsborgere", "Foreign citizens"),
    "measure.andel_utenlandske_statsborgere": ("Andel utenlandske statsborgere", "Share of foreign citizens"),
    "measure.fremmedspraklige": ("Fremmedspråk som morsmål", "Foreign mother tongue"),
    "measure.andel_fremmedspraklige": ("Andel med fremmedspråk som morsmål", "Share with a foreign mother tongue"),
    "measure.unsplit": ("I alt (ikke fordelt i kilden)", "Total (not split in the source)"),
    # measures and status reports
    "measures.title": ("Oppfølging av tiltak", "Follow-up of measures"),
    "measures.none": (
        "{org} har ingen tiltak å følge opp i dataene.",
        "{org} has no measures to follow up in the data.",
    ),
    "measures.empty": (
        "Ingen rapporter ennå: alle tiltak står som «ikke rapportert». En redaktør rapporterer i skjemaet under "
        "eller laster opp Excel-malen utfylt.",
        'No reports yet: every measure is "not reported". An editor reports in the form below or uploads the '
        "filled Excel template.",
    ),
    "measures.read_only": (
        "Dashbordet er skrivebeskyttet: her kan du lese alt, men ikke rapportere status eller endre "
        "handlingsplanen. Trenger du skrivetilgang, be administratoren av dashbordet om det.",
        "The dashboard is read-only: you can read everything here but not report status or change the action "
        "plan. If you need write access, ask the dashboard's administrator.",
    ),
    "measures.sign_in": ("Logg inn for å rapportere", "Sign in to report"),
    "measures.sign_out": ("Logg ut", "Sign out"),
    "measures.signed_in": ("Innlogget som {name}.", "Signed in as {name}."),
    "measures.username": ("Brukernavn", "Username"),
    "measures.password": ("Passord", "Password"),
    "measures.wrong_password": (
        "Feil brukernavn eller passord. Ingenting er lagret.",
        "Wrong username or password. Nothing was saved.",
    ),
    "measures.wait_to_sign_in": (
        "For mange mislykkede innlogginger. Vent {seconds} s og prøv igjen. Ingenting er lagret.",
        "Too many failed sign-ins. Wait {seconds} s and try again. Nothing was saved.",
    ),
    "measures.locked_out": (
        "For mange mislykkede innlogginger: innloggingen er sperret i {minutes} minutter. Ingenting er lagret.",
        "Too many failed sign-ins: signing in is locked for {minutes} minutes. Nothing was saved.",
    ),
    "measures.rollup": ("Status per målområde", "Status per goal area"),
    "measures.rollup.own": ("Status per {term}", "Status by {term}"),
    "measures.source_reports": (
        "Kilde: statusrapportene i dashbordets database, hver med rapportør og tidspunkt.",
        "Source: the status reports in the dashboard's database, each with its reporter and time.",
    ),
    "measures.choose_options": ("Velg …", "Choose …"),
    "measures.on_track": ("{n} av {total} i rute eller fullført", "{n} of {total} on track or done"),
    "measures.no_goal_area": ("Uten målområde", "Without a goal area"),
    "measures.late_n": ("{n} forsinket etter frist", "{n} past their due date"),
    "measures.light.red": ("rødt: noe er forsinket", "red: something is late"),
    "measures.light.yellow": (
        "gult: ikke alt er rapportert eller i rute",
        "yellow: not everything reported or on track",
    ),
    "measures.light.green": (
        "grønt: alt rapportert er i rute eller fullført",
        "green: everything reported is on track or done",
    ),
    "measures.light.grey": ("grått: ingenting rapportert", "grey: nothing reported"),
    "measures.table": ("Alle tiltak", "All measures"),
    "measures.filter.goal_area": ("Målområde", "Goal area"),
    "measures.filter.status": ("Status", "Status"),
    "measures.filter.responsible": ("Ansvarlig", "Responsible"),
    "measures.filter.sdg": ("Bærekraftsmål", "SDG"),
    "measures.col.id": ("Id", "Id"),
    "measures.col.title": ("Tiltak", "Measure"),
    "measures.col.kind": ("Type", "Kind"),
    "measures.col.status": ("Status", "Status"),
    "measures.col.progress": ("Fremdrift", "Progress"),
    "measures.col.expected": ("Forventet nå", "Expected now"),
    "measures.col.due": ("Frist", "Due"),
    "measures.col.flags": ("Merknad", "Flag"),
    "measures.col.reported": ("Sist rapportert", "Last reported"),
    "measures.col.responsible": ("Ansvarlig", "Responsible"),
    "measures.flag.late": ("forsinket etter frist", "past due"),
    "measures.flag.stale": ("ikke rapportert på {months} mnd", "no report for {months} months"),
    "measures.flag.behind": ("bak planen", "behind plan"),
    "measures.history": ("Historikk for ett tiltak", "History of one measure"),
    "measures.choose": ("Velg tiltak", "Choose a measure"),
    "measures.history_none": ("{title}: ikke rapportert.", "{title}: not reported."),
    "measures.history_title": ("Fremdrift over tid", "Progress over time"),
    "measures.history_summary": (
        "{n} rapporter fra {first} til {last}. Siste: {status}, fremdrift {progress}.",
        "{n} reports from {first} to {last}. Latest: {status}, progress {progress}.",
    ),
    "measures.history_one": (
        "Én rapport, {date}: {status}, fremdrift {progress}.",
        "One report, {date}: {status}, progress {progress}.",
    ),
    "measures.history_no_progress": (
        "{n} av rapportene oppgir ingen fremdrift og er ikke med i linjen.",
        "{n} of the reports give no progress and are not on the line.",
    ),
    "measures.not_given": ("ikke oppgitt", "not given"),
    "measures.changed": ("Hva har endret seg", "What has changed"),
    "measures.since": ("Siden", "Since"),
    "measures.changed_none": ("Ingen endringer siden {date}.", "No changes since {date}."),
    "measures.transitions": ("Statusendringer", "Status changes"),
    "measures.new_comments": ("Nye kommentarer", "New comments"),
    "measures.became_late": ("Ble forsinket (fristen passert)", "Became late (due date passed)"),
    "measures.report": ("Ny rapport", "New report"),
    "measures.period": ("Periode (2026, 2026-06 eller 2026-06-30)", "Period (2026, 2026-06 or 2026-06-30)"),
    "measures.progress": ("Fremdrift (%)", "Progress (%)"),
    "measures.indicator": ("Indikatorverdi", "Indicator value"),
    "measures.comment": ("Kommentar", "Comment"),
    "measures.save": ("Lagre rapport", "Save report"),
    "measures.saved": ("Rapporten er lagret.", "The report is saved."),
    "measures.bad_period": (
        "Perioden må være et år, en måned eller en dato (2026, 2026-06 eller 2026-06-30). Ingenting er lagret.",
        "The period must be a year, a month or a date (2026, 2026-06 or 2026-06-30). Nothing was saved.",
    ),
    "measures.excel": ("Excel", "Excel"),
    "measures.template": ("Last ned Excel-mal", "Download the Excel template"),
    "measures.upload": ("Last opp utfylt mal", "Upload a filled template"),
    "measures.upload_errors": (
        "Filen har {n} feil. Ingenting er lagret.",
        "The file has {n} errors. Nothing was saved.",
    ),
    "measures.upload_preview": ("Dette blir lagret ({n} rapporter):", "This will be saved ({n} reports):"),
    "measures.upload_nothing": ("Filen har ingen utfylte rader.", "The file has no filled rows."),
    "measures.upload_confirm": ("Lagre alle {n}", "Save all {n}"),
    "measures.upload_saved": ("{n} rapporter er lagret.", "{n} reports were saved."),
    "measures.upload_saved_before": (
        "Denne fila ble lagret {date}. Lagrer du den igjen, blir hver rapport registrert to ganger.",
        "This file was saved on {date}. Saving it again records every report twice.",
    ),
    "measures.export": ("Last ned rapportene (Excel)", "Download the reports (Excel)"),
    "report_status.ikke_startet": ("ikke startet", "not started"),
    "report_status.i_rute": ("i rute", "on track"),
    "report_status.forsinket": ("forsinket", "delayed"),
    "report_status.fullfort": ("fullført", "completed"),
    "report_status.avbrutt": ("avbrutt", "cancelled"),
    "report_status.ikke_rapportert": ("ikke rapportert", "not reported"),
    "kind.oppdrag": ("oppdrag", "request"),
    "kind.hovedstrategi": ("hovedstrategi", "main strategy"),
    "kind.tiltak": ("tiltak", "measure"),
    "kind.deltiltak": ("deltiltak", "sub-measure"),
    "kind.utviklingsmal": ("utviklingsmål", "development goal"),
    "kind.innsatsomrade": ("innsatsområde", "focus area"),
    "kind.forpliktelse": ("forpliktelse", "commitment"),
    # about
    "about.title": ("Om dataene", "About the data"),
    "about.intro": (
        "Alt dashbordet viser kommer fra filene under, og hver post peker på en kilde i listen. "
        "Der kildene er uenige, vises begge.",
        "Everything the dashboard shows comes from the files below, and every record points to a source in the list. "
        "Where sources disagree, both are shown.",
    ),
    "about.sources": ("Kilder", "Sources"),
    "about.notes": ("Datanotater", "Data notes"),
    "about.conflicts": ("Kilder som er uenige", "Sources that disagree"),
    "about.conflicts_none": (
        "Ingen kjente uenigheter mellom kildene.",
        "No known disagreements between sources.",
    ),
    "about.files": ("Filer i datapakken", "Files in the data bundle"),
    "about.outlines": (
        "Landegrensene er Natural Earth 1:110m (public domain). Små øysamfunn som Færøyene er ikke med i denne skalaen; "
        "Klaksvík vises derfor i havet.",
        "Country outlines are Natural Earth 1:110m (public domain). Small island territories such as the Faroe Islands are "
        "not in this scale, so Klaksvík is drawn in the sea.",
    ),
    # report exports (HTML and PowerPoint)
    "report.generated": ("Laget {date}", "Made {date}"),
    "report.as_of": ("Tall per {date}", "Figures as of {date}"),
    "report.contents": ("Innhold", "Contents"),
    "report.data": ("Data: {title}", "Data: {title}"),
    "report.sources": ("Kilder", "Sources"),
    "report.page": ("{n} av {total}", "{n} of {total}"),
    "report.rows_shown": (
        "Viser {shown} av {total} rader; alle står i HTML-rapporten.",
        "Showing {shown} of {total} rows; all are in the HTML report.",
    ),
    "report.columns_shown": (
        "Viser {shown} av {total} kolonner; alle står i HTML-rapporten.",
        "Showing {shown} of {total} columns; all are in the HTML report.",
    ),
    "report.no_renderer": (
        "PowerPoint-filen ble ikke laget: figurene kunne ikke tegnes. PowerPoint krever Chromium på serveren "
        "(apt-get install chromium) for å tegne figurene. HTML-rapporten virker uten.",
        "The PowerPoint file was not made: the charts could not be drawn. PowerPoint needs Chromium on the "
        "server (apt-get install chromium) to draw the charts. The HTML report works without it.",
    ),
    # the plan followed up: indicators, plan periods, reminders, the Word export (issue 15)
    "indicator.heading": ("Indikator for ett tiltak", "Indicator of one measure"),
    "indicator.title": ("Indikator: {unit}", "Indicator: {unit}"),
    "indicator.path": ("Rett linje fra utgangsverdi til mål", "Straight path from baseline to target"),
    "indicator.target": ("Mål", "Target"),
    "indicator.values": ("Rapportert verdi", "Reported value"),
    "indicator.none_set": (
        "{title} har ingen målbar indikator i planen.",
        "{title} has no measurable indicator in the plan.",
    ),
    "indicator.none": ("Ingen indikatorverdi er rapportert ennå.", "No indicator value has been reported yet."),
    "indicator.direction.opp": ("økende", "increasing"),
    "indicator.direction.ned": ("minkende", "decreasing"),
    "indicator.no_baseline": ("utgangsverdi ikke oppgitt", "baseline not given"),
    "indicator.goal": (
        "fra {baseline} ({baseline_year}) til {target} ({target_year}), {direction}",
        "from {baseline} ({baseline_year}) to {target} ({target_year}), {direction}",
    ),
    "indicator.position.reached": (
        "Siste verdi, {value} ({period}), har nådd målet på {target}.",
        "The latest value, {value} ({period}), has reached the target of {target}.",
    ),
    "indicator.position.ahead": (
        "Siste verdi, {value} ({period}), ligger foran den rette linjen mot målet (linjen ventet {expected}).",
        "The latest value, {value} ({period}), is ahead of the straight path to the target (the path expected "
        "{expected}).",
    ),
    "indicator.position.on_path": (
        "Siste verdi, {value} ({period}), ligger på den rette linjen mot målet (linjen ventet {expected}).",
        "The latest value, {value} ({period}), is on the straight path to the target (the path expected {expected}).",
    ),
    "indicator.position.behind": (
        "Siste verdi, {value} ({period}), ligger bak den rette linjen mot målet (linjen ventet {expected}; "
        "målet er {target}, {direction}).",
        "The latest value, {value} ({period}), is behind the straight path to the target (the path expected "
        "{expected}; the target is {target}, {direction}).",
    ),
    "indicator.position.no_path": (
        "Siste verdi er {value} ({period}); målet er {target}. Uten år eller datoer for utgangsverdi og mål kan "
        "den ikke sammenlignes med en linje.",
        "The latest value is {value} ({period}); the target is {target}. Without years or dates for baseline and "
        "target it cannot be compared with a path.",
    ),
    "indicator.col.period": ("Periode", "Period"),
    "indicator.col.latest": ("Siste verdi", "Latest value"),
    "indicator.col.position": ("Mot linjen til målet", "Against the path to the target"),
    "indicator.state.none": ("ikke rapportert", "not reported"),
    "indicator.state.no_path": ("uten linje (mangler år)", "no path (years missing)"),
    "indicator.state.reached": ("målet nådd", "target reached"),
    "indicator.state.ahead": ("foran", "ahead"),
    "indicator.state.on_path": ("på linjen", "on the path"),
    "indicator.state.behind": ("bak", "behind"),
    "indicator.overview": ("Målbare mål", "Measurable goals"),
    "indicator.col.value": ("Verdi", "Value"),
    "indicator.source": (
        "Kilde: statusrapportene i dashbordet; mål og utgangsverdi fra planen.",
        "Source: the status reports in the dashboard; target and baseline from the plan.",
    ),
    "periods.current": (
        "Gjeldende planperiode: {name} ({start}–{end}).",
        "Current plan period: {name} ({start}–{end}).",
    ),
    "periods.strategy_current": ("Strategiperioden er {start}–{end}.", "The strategy period is {start}–{end}."),
    "periods.strategy_open": ("Strategien gjelder fra {start}.", "The strategy applies from {start}."),
    "periods.strategy_over": ("Strategiperioden {start}–{end} er over.", "The strategy period {start}–{end} is over."),
    "periods.no_final_report": ("{n} tiltak har ingen sluttrapport.", "{n} measures have no final report."),
    "periods.final_heading": ("Sluttrapport per målområde", "Final report per goal area"),
    "periods.final_heading.own": ("Sluttrapport per {term}", "Final report by {term}"),
    "periods.final_caption": (
        "Siste rapport for hvert vedtatte tiltak. En sluttrapport er en rapport som melder tiltaket fullført eller "
        "avbrutt; «ikke rapportert» betyr at tiltaket aldri er rapportert.",
        "The latest report of every adopted measure. A final report is one that reports the measure done or "
        'cancelled; "not reported" means the measure was never reported.',
    ),
    "periods.col.last_period": ("Siste periode", "Latest period"),
    "periods.col.final": ("Sluttrapport", "Final report"),
    "reminders.heading": ("Hvem mangler rapport", "Who still has to report"),
    "reminders.what_year": ("rapport for {year}", "report for {year}"),
    "reminders.what_final": ("sluttrapport", "final report"),
    "reminders.intro": (
        "{n} vedtatte tiltak mangler {what}, fordelt på ansvarlig enhet. Teksten kan kopieres, eller åpnes som "
        "e-post i ditt eget e-postprogram.",
        "{n} adopted measures lack a {what}, by responsible unit. Copy the text, or open it as an e-mail in your "
        "own mail program.",
    ),
    "reminders.none": ("Alle vedtatte tiltak har {what}.", "Every adopted measure has a {what}."),
    "reminders.unit": ("{unit}: {n} tiltak", "{unit}: {n} measures"),
    "reminders.unit.one": ("{unit}: 1 tiltak", "{unit}: 1 measure"),
    "reminders.no_unit": ("Uten ansvarlig enhet", "Without a responsible unit"),
    "reminders.link": ("Åpne som e-post", "Open as e-mail"),
    "reminders.no_address": (
        "Dataene har ingen e-postadresse for enheten; fyll inn mottaker selv.",
        "The data has no e-mail address for the unit; fill in the recipient yourself.",
    ),
    "reminders.subject": ("Påminnelse: {what} – {sender}", "Reminder: {what} – {sender}"),
    "reminders.body": (
        "Hei, {unit}\n\nFølgende {n} tiltak mangler {what}:\n{items}\n\nRapporter i dashbordet under Tiltak, eller "
        "fyll ut Excel-malen der og send den tilbake.\n\nHilsen\n{sender}",
        "Hello, {unit}\n\nThe following {n} measures lack a {what}:\n{items}\n\nPlease report in the dashboard "
        "under Measures, or fill in the Excel template there and send it back.\n\nRegards\n{sender}",
    ),
    "overview.leadership": (
        "Av {total} tiltak er {on_track} i rute, {behind} bak planen, {late} forsinket etter frist og {unreported} "
        "ikke rapportert.",
        "Of {total} measures: {on_track} on track, {behind} behind plan, {late} past their due date and "
        "{unreported} not reported.",
    ),
    "overview.leadership_other": ("{n} er ikke startet eller avbrutt.", "Not started or cancelled: {n}."),
    "overview.leadership_latest": ("Siste rapport: {date}.", "Latest report: {date}."),
    "overview.leadership_no_report": ("Ingen rapporter ennå.", "No reports yet."),
    "plan_word.download": ("Last ned handlingsplanen (Word)", "Download the action plan (Word)"),
    "plan_word.heading": ("Handlingsplanen som dokument", "The action plan as a document"),
    "plan_word.caption": (
        "De vedtatte tiltakene per målområde, med målbart mål, ansvarlig, frist og vedtak, klar for et saksframlegg.",
        "The adopted measures per goal area, with measurable goal, owner, due date and decision, ready for a case "
        "document.",
    ),
    "plan_word.title": ("Handlingsplan: {name}", "Action plan: {name}"),
    "plan_word.data_date": ("Dataene per {date}.", "The data as of {date}."),
    "plan_word.made": ("Laget {date}.", "Made {date}."),
    "plan_word.example_data": (
        "Eksempeldata: indikatorene og rapportene i denne demoen er oppdiktet.",
        "Example data: the indicators and reports in this demo are made up.",
    ),
    "plan_word.goal": ("Målbart mål", "Measurable goal"),
    "plan_word.no_goal": ("Ikke fastsatt (ingen indikator i planen)", "Not set (no indicator in the plan)"),
    "plan_word.plan_period": ("Planperiode", "Plan period"),
    "plan_word.decision": ("Vedtak", "Decision"),
    "plan_word.rests_on": ("Bygger på: {source}", "Rests on: {source}"),
    "plan_word.none": ("Ikke oppgitt", "Not given"),
    "plan_word.empty": ("Planen har ingen vedtatte tiltak.", "The plan has no adopted measures."),
    "plan_word.file": ("handlingsplan", "action-plan"),
    "plan_pdf.make": ("Lag PDF av handlingsplanen", "Make a PDF of the action plan"),
    "plan_pdf.making": ("Lager PDF …", "Making the PDF …"),
    "plan_pdf.download": ("Last ned handlingsplanen (PDF)", "Download the action plan (PDF)"),
    "plan_pdf.no_chromium": (
        "PDF-en ble ikke laget: den krever Chromium på serveren (apt-get install chromium). Word-filen virker uten.",
        "The PDF was not made: it needs Chromium on the server (apt-get install chromium). The Word file works "
        "without it.",
    ),
    "plan_pdf.failed": (
        "PDF-en ble ikke laget: Chromium på serveren kunne ikke skrive den ut. Word-filen virker uten.",
        "The PDF was not made: Chromium on the server could not print it. The Word file works without it.",
    ),
}

# The Utforsk view keeps its strings in its own module (one block, so that views merge cleanly).
TEXTS.update(EXPLORE_TEXTS)


from analytics.plan_texts import PLAN_TEXTS  # noqa: E402 - the handlingsplan's strings, kept in their own module

TEXTS.update(PLAN_TEXTS)


def t(key: str, lang: str = "nb", **values) -> str:
    """The string for `key` in `lang`, with {placeholders} filled from `values`."""
    nb, en = TEXTS[key]
    text = en if lang == "en" else nb
    return text.format(**values) if values else text


def in_language(frame, column: str, lang: str):
    """The `{column}_en` values where given and lang is English, else `{column}_nb` (frames, rows and dicts)."""
    bokmal = frame[f"{column}_nb"]
    if lang != "en":
        return bokmal
    english = frame.get(f"{column}_en", "")
    if hasattr(english, "where"):
        return english.where(english.notna() & english.astype(bool), bokmal)  # pandas 3 reads NaN as true
    return english or bokmal
