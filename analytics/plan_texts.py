"""The handlingsplan's UI strings (bokmål, English); analytics.i18n adds them to its TEXTS."""

from __future__ import annotations

PLAN_TEXTS: dict[str, tuple[str, str]] = {
    "plan.title": ("Handlingsplanen", "The action plan"),
    "plan.intro": (
        "Tiltakene i handlingsplanen med mål, ansvarlig og vedtak. Hver endring lagres som en ny revisjon; "
        "ingenting overskrives.",
        "The action plan's measures with their goals, owner and decision. Every change is stored as a new "
        "revision; nothing is overwritten.",
    ),
    "plan.reporter_only": (
        "Du er innlogget som rapportør: du kan rapportere status, men ikke endre handlingsplanen. Be administratoren "
        "av dashbordet om rollen planeier hvis du skal skrive planen.",
        "You are signed in as a reporter: you can report status but not change the action plan. Ask the "
        "dashboard's administrator for the plan-owner role if you are to write the plan.",
    ),
    "plan.drafts_note": (
        "{n} tiltak er utkast og vises bare for innloggede.",
        "{n} measures are drafts and are shown to signed-in users only.",
    ),
    "plan.edit": ("Skriv eller endre et tiltak", "Write or change a measure"),
    "plan.choose": ("Tiltak", "Measure"),
    "plan.new": ("+ Nytt tiltak", "+ New measure"),
    "plan.id": ("Tiltak-id (små bokstaver a–z, sifre, bindestrek)", "Measure id (lower-case a–z, digits, hyphen)"),
    "plan.id_taken": (
        "Tiltak-id «{id}» finnes fra før. Velg tiltaket i listen for å endre det, eller gi det nye tiltaket en "
        "annen id.",
        "Measure id «{id}» already exists. Choose the measure in the list to change it, or give the new measure "
        "another id.",
    ),
    "plan.based_on": ("Du endrer revisjon {revision} ({who}).", "You are changing revision {revision} ({who})."),
    "plan.based_on_shipped": (
        "Du endrer tiltaket slik det står i datafilen (revisjon 0).",
        "You are changing the measure as it stands in the data file (revision 0).",
    ),
    "plan.section.what": ("Tiltaket", "The measure"),
    "plan.section.indicator": ("Målbart mål (indikator)", "Measurable goal (indicator)"),
    "plan.section.decision": ("Tilstand og vedtak", "State and decision"),
    "plan.no_goal_area": ("Uten målområde", "No goal area"),
    "plan.none": ("(ingen)", "(none)"),
    "plan.save": ("Lagre endringen", "Save the change"),
    "plan.saved": (
        "Revisjon {revision} av «{title}» er lagret.",
        "Revision {revision} of «{title}» is saved.",
    ),
    "plan.unchanged": ("Ingen felt er endret; ingenting er lagret.", "No field was changed; nothing was saved."),
    "plan.problems": (
        "Tiltaket er ikke lagret. Rett dette:",
        "The measure was not saved. Correct this:",
    ),
    "plan.yours": (
        "Endringene dine (ikke lagret) mot den nyeste versjonen:",
        "Your changes (not saved) against the newest version:",
    ),
    "plan.col.field": ("Felt", "Field"),
    "plan.col.yours": ("Ditt forslag", "Your proposal"),
    "plan.col.newest": ("Nyeste versjon", "Newest version"),
    "plan.reload": ("Last inn nyeste versjon (forkaster skjemaet)", "Load the newest version (discards the form)"),
    "plan.state.utkast": ("utkast", "draft"),
    "plan.state.vedtatt": ("vedtatt", "adopted"),
    "plan.state.avsluttet": ("avsluttet", "completed"),
    "plan.state.trukket": ("trukket", "withdrawn"),
    "plan.direction.opp": ("opp (høyere er bedre)", "up (higher is better)"),
    "plan.direction.ned": ("ned (lavere er bedre)", "down (lower is better)"),
    "plan.history": ("Endringshistorikk: {title}", "Change history: {title}"),
    "plan.history_none": (
        "«{title}» er ikke endret i dashbordet; det står som i datafilen.",
        "«{title}» has not been changed in the dashboard; it stands as in the data file.",
    ),
    "plan.col.revision": ("Revisjon", "Revision"),
    "plan.col.when": ("Tidspunkt", "Time"),
    "plan.col.who": ("Endret av", "Changed by"),
    "plan.col.from": ("Fra", "From"),
    "plan.col.to": ("Til", "To"),
    "plan.col.state": ("Tilstand", "State"),
    "plan.history_source": (
        "Kilde: handlingsplanens revisjoner i dashbordets database, hver med hvem og når.",
        "Source: the action plan's revisions in the dashboard's database, each with who and when.",
    ),
    "plan.excel": ("Handlingsplanen i Excel", "The action plan in Excel"),
    "plan.download": ("Last ned handlingsplanen (Excel)", "Download the action plan (Excel)"),
    "plan.upload": ("Last opp utfylt handlingsplan (Excel)", "Upload a filled action plan (Excel)"),
    "plan.upload_help": (
        "Arket lastet ned over, med endrede, nye eller avsluttede tiltak. Alt kontrolleres rad for rad og vises "
        "før noe lagres; er én rad feil, lagres ingenting.",
        "The sheet downloaded above, with changed, new or retired measures. Every row is checked and shown before "
        "anything is saved; if one row is wrong, nothing is saved.",
    ),
    "plan.upload_errors": ("Filen har {n} feil. Ingenting er lagret.", "The file has {n} errors. Nothing was saved."),
    "plan.upload_nothing": (
        "Arket er likt handlingsplanen; det er ingenting å lagre.",
        "The sheet is the same as the action plan; there is nothing to save.",
    ),
    "plan.upload_preview": (
        "Dette blir lagret ({new} nye, {changed} endrede, {retired} avsluttede eller trukne tiltak):",
        "This will be saved ({new} new, {changed} changed, {retired} completed or withdrawn measures):",
    ),
    "plan.upload_untouched": (
        "{n} tiltak står ikke i arket og blir ikke endret.",
        "{n} measures are not in the sheet and are not changed.",
    ),
    "plan.upload_confirm": ("Lagre alle {n} endringer", "Save all {n} changes"),
    "plan.upload_saved": (
        "{n} endringer i handlingsplanen er lagret som nye revisjoner.",
        "{n} changes to the action plan are saved as new revisions.",
    ),
    "plan.upload_conflict": (
        "Ingenting er lagret: {message}",
        "Nothing was saved: {message}",
    ),
    "plan.col.change": ("Endring", "Change"),
    "plan.col.title": ("Tittel", "Title"),
    "plan.col.fields": ("Felt endret", "Fields changed"),
    "plan.change.ny": ("ny", "new"),
    "plan.change.endret": ("endret", "changed"),
    "plan.change.avsluttet": ("avsluttet", "completed"),
    "plan.change.trukket": ("trukket", "withdrawn"),
}
