"""Invented people, places and wording for the demo store.

Names come from across the UK's communities and are spelt in their own way (ŵ, ŷ, ł, ś, Ó, ğ, ı,
Greek and Cyrillic script …) so every screen and briefing is tried with them. Phone numbers are
from Ofcom's ranges reserved for drama (07700 900xxx, 01632 960xxx); emails use example.org.
"""
from __future__ import annotations

# Each community: first names, last names, languages (with how many need an interpreter).
COMMUNITIES = [
    {"first": ["Siân", "Llŷr", "Gwenllïan", "Dafydd", "Ffion", "Siôn", "Angharad", "Iolo", "Eluned", "Rhys"],
     "last": ["Jones", "Llywelyn", "Gruffudd", "Prys", "Rhydderch", "Bowen", "Pritchard", "Hughes"],
     "language": "Welsh", "interpreter": 0.0, "weight": 3},
    {"first": ["Łucja", "Wojciech", "Małgorzata", "Paweł", "Grażyna", "Agnieszka", "Zbigniew", "Jerzy"],
     "last": ["Łukasiewicz", "Wiśniewska", "Kowalczyk", "Śliwińska", "Zieliński", "Dąbrowska", "Nowak"],
     "language": "Polish", "interpreter": 0.3, "weight": 2},
    {"first": ["Aoife", "Siobhán", "Pádraig", "Seán", "Niamh", "Ciarán", "Róisín", "Éamon"],
     "last": ["Ó Súilleabháin", "Ó Briain", "Ó Ceallaigh", "Mac Giolla Phádraig", "Murphy", "Byrne"],
     "language": "", "interpreter": 0.0, "weight": 2},
    {"first": ["Ayşe", "Gülşen", "Ömer", "Mehmet", "Yağmur", "Işıl", "Doğan", "Emine"],
     "last": ["Yılmaz", "Öztürk", "Kılıç", "Çelik", "Aydın", "Şahin", "Ağaoğlu"],
     "language": "Turkish", "interpreter": 0.35, "weight": 2},
    {"first": ["Ελένη", "Νίκος", "Γιώργος", "Μαρία", "Eleni", "Andreas", "Sofia", "Christos"],
     "last": ["Παπαδοπούλου", "Γεωργίου", "Papadopoulos", "Christodoulou", "Constantinou", "Ioannou"],
     "language": "Greek", "interpreter": 0.2, "weight": 1},
    {"first": ["Олена", "Дмитро", "Ганна", "Тарас", "Olena", "Oksana", "Mykola", "Iryna"],
     "last": ["Шевченко", "Коваленко", "Бондаренко", "Kovalenko", "Melnyk", "Tkachenko"],
     "language": "Ukrainian", "interpreter": 0.45, "weight": 1},
    {"first": ["Priya", "Arjun", "Harpreet", "Gurpreet", "Anjali", "Rajesh", "Sunita", "Vikram"],
     "last": ["Sharma", "Patel", "Kaur", "Singh", "Mistry", "Gupta", "Chauhan"],
     "language": "Punjabi", "interpreter": 0.15, "weight": 3},
    {"first": ["Mohammed", "Fatima", "Nasreen", "Imran", "Shahida", "Abdul", "Rukhsana", "Tariq"],
     "last": ["Rahman", "Begum", "Akhtar", "Hussain", "Miah", "Uddin", "Chowdhury"],
     "language": "Bengali", "interpreter": 0.25, "weight": 3},
    {"first": ["Hodan", "Abdi", "Faadumo", "Ayaan", "Mahad", "Sahra", "Khadra", "Liban"],
     "last": ["Farah", "Mohamed", "Warsame", "Hassan", "Abdullahi", "Jama", "Osman"],
     "language": "Somali", "interpreter": 0.4, "weight": 2},
    {"first": ["Marcia", "Delroy", "Beverley", "Winston", "Claudette", "Errol", "Hyacinth", "Leroy"],
     "last": ["Campbell", "Brown", "Williams", "Clarke", "Thompson", "Francis", "Grant", "Spencer"],
     "language": "", "interpreter": 0.0, "weight": 3},
    {"first": ["Wei", "Xiaoling", "Ka-Ming", "Min", "Siu-Fong", "Wai-Ling", "Yang", "Jun"],
     "last": ["Chen", "Wong", "Zhang", "Lam", "Cheung", "Liu", "Li"],
     "language": "Cantonese", "interpreter": 0.3, "weight": 2},
    {"first": ["Morag", "Hamish", "Ailsa", "Margaret", "David", "Susan", "Jack", "Emily", "Kirsty", "George"],
     "last": ["MacLeod", "Fraser", "Mackenzie", "Smith", "Taylor", "Wilson", "Robinson", "Evans", "Walker"],
     "language": "", "interpreter": 0.0, "weight": 8},
    {"first": ["Chidinma", "Oluwaseun", "Kwame", "Ama", "Emeka", "Folake", "Kofi", "Ngozi"],
     "last": ["Okafor", "Adeyemi", "Mensah", "Owusu", "Nwosu", "Adebayo", "Boateng"],
     "language": "", "interpreter": 0.0, "weight": 2},
    {"first": ["Lan", "Minh", "Thu Hà", "Quang", "Hương", "Tuấn"],
     "last": ["Nguyễn", "Trần", "Phạm", "Lê", "Hoàng"],
     "language": "Vietnamese", "interpreter": 0.35, "weight": 1},
    {"first": ["Ștefan", "Ioana", "Mihai", "Andreea", "João", "Conceição", "Gonçalo", "Inês"],
     "last": ["Popescu", "Dumitrescu", "Ionescu", "Gonçalves", "Ferreira", "Magalhães"],
     "language": "Romanian", "interpreter": 0.2, "weight": 1},
    {"first": ["Yusuf", "Maryam", "Omar", "Layla", "Khalid", "Huda"],
     "last": ["Al-Amin", "Haddad", "Mansour", "Saleh", "Nasser"],
     "language": "Arabic", "interpreter": 0.3, "weight": 1},
]

TITLES = ["", "", "Mr", "Mrs", "Ms", "Miss", "Mx", "Dr"]

# Towns: postcode districts (valid UK format) and streets.
TOWNS = [
    {"town": "Bath", "districts": ["BA1", "BA2"],
     "streets": ["Widcombe Hill", "Bear Flat", "Holloway", "Lansdown Road", "Walcot Street", "Mill Lane"]},
    {"town": "Bristol", "districts": ["BS2", "BS5", "BS13"],
     "streets": ["Stapleton Road", "Easton Way", "Hartcliffe Way", "Quay Street", "Mina Road", "Gloucester Road"]},
    {"town": "Cardiff", "districts": ["CF10", "CF11", "CF24"],
     "streets": ["Heol y Dŵr", "Stryd Tŷ Gwyn", "Clifton Street", "Cowbridge Road East", "Ffordd Pengam"]},
    {"town": "Swindon", "districts": ["SN1", "SN2", "SN25"],
     "streets": ["Cricklade Road", "Kingshill Road", "Penhill Drive", "Fleming Way", "Ferndale Road"]},
    {"town": "Warminster", "districts": ["BA12"],
     "streets": ["Boreham Road", "East Street", "Portway", "Copheap Lane"]},
]
INWARD_LETTERS = "ABDEFGHJLNPQRSTUWXYZ"
BLOCK_NAMES = ["Tŷ Gwyn", "Elm Court", "Kestrel House", "Harbour View", "Marlowe Tower", "Brunel House",
               "Avon Heights", "Cedar Court", "Mulberry House", "Willow Court", "Riverside House", "Ffynnon Court"]

ADJUSTMENT_REASONS = {
    "boot_covers": ["Religious custom: no outdoor shoes in the home.", "Cream carpets the tenant paid for.",
                    "Small children play on the floor."],
    "female_operative": ["Survivor of domestic abuse; referral from the refuge.",
                         "Cultural and religious reasons: lives alone."],
    "call_ahead": ["Anxiety about unexpected callers.", "Often at a neighbour's during the day."],
    "door_time": ["Uses a walking frame; stairs to the front door.", "Aged 91."],
    "interpreter": ["Limited English."], "clear_communication": ["Learning disability."],
    "hearing": ["Profoundly deaf in one ear."], "vision": ["Registered blind."],
    "mobility": ["Wheelchair user."], "customs": ["Prayer room: do not enter."],
    "observance_times": ["Friday prayers; Sabbath observance."], "quiet_working": ["Autistic son; noise distress."],
    "officer_present": ["Trauma after a burglary."], "appointment_window": ["Dialysis three mornings a week."],
}
WARNING_DETAILS = {
    "dangerous_animal": ["Two large dogs; one bit a meter reader in 2024.", "Dog is protective of the household."],
    "aggression": ["Shouted at an operative in 2025; incident ref INC-4471."],
    "verbal_abuse": ["Abusive phone calls to the office."],
    "drug_paraphernalia": ["Needles found in the bathroom on a previous visit."],
    "no_lone_visit": ["Allegation made against a lone visitor."],
    "hoarding": ["Level 2 clutter; routes to the boiler restricted."],
    "infection_control": ["Household member receiving chemotherapy."],
    "home_oxygen": ["Oxygen concentrator in the living room."],
}
HOME_WARNING_KINDS = ["dangerous_animal", "dangerous_animal", "dangerous_animal", "hoarding", "home_oxygen",
                      "unsafe_environment"]
PERSON_WARNING_KINDS = ["aggression", "verbal_abuse", "drug_paraphernalia", "no_lone_visit", "infection_control"]
ADJUSTMENT_KINDS = ["boot_covers", "boot_covers", "female_operative", "call_ahead", "door_time", "interpreter",
                    "clear_communication", "hearing", "vision", "mobility", "customs", "observance_times",
                    "quiet_working", "officer_present", "appointment_window"]
VISIT_OUTCOMES = ["Discussed the gas safety check; tenant agreed a date.", "Checked on welfare; no concerns.",
                  "Explained the works programme.", "No reply; card left.", "Agreed adjustments reviewed.",
                  "Tenant happy with the repair.", "Arranged interpreter for next visit."]
VISIT_NOTES = ["Tenant seemed low; mentioned money worries.", "Son present, helped translate.",
               "Asked that we do not call before 10am.", ""]
FOLLOW_UP_ACTIONS = ["Call back to confirm the appointment", "Send large-print letter", "Book interpreter",
                     "Review adjustments with tenant", "Chase contractor about the damage",
                     "Check the repair was finished"]

CONTRACTORS = [
    {"name": "Valley Gas Services", "trade": "gas", "prefix": "VGS", "phone": "01632 960101"},
    {"name": "Severn Electrical Ltd", "trade": "electrical", "prefix": "SEL", "phone": "01632 960102"},
    {"name": "Brunel Building Maintenance", "trade": "general", "prefix": "BBM", "phone": "01632 960103"},
    {"name": "Cotswold Lift Engineers", "trade": "lifts", "prefix": "CLE", "phone": "01632 960104"},
    {"name": "Avon Damp & Mould Specialists", "trade": "damp", "prefix": "ADM", "phone": "01632 960105"},
]
OPERATIVE_NAMES = ["Dai Evans", "Sarah Okonjo", "Tomasz Nowicki", "Priya Mistry", "Gareth Lloyd", "Kemal Arslan",
                   "Joanne Reid", "Marcus Bailey", "Aisling Byrne", "Hannah Wood", "Ravi Chauhan", "Ewa Kaczmarek"]
JOB_DESCRIPTIONS = {
    "gas_safety": ["Annual gas safety check (CP12) of the boiler, hob and gas fire; test the CO alarm and leave "
                   "the tenant a copy of the record."],
    "electrical_safety": ["Five-yearly electrical installation condition report (EICR) of the whole home; "
                          "leave the tenant a copy within 28 days."],
    "damp_mould": ["Investigate black mould in the back bedroom and bathroom; measure moisture, check the "
                   "extractor fan and write up causes and works needed."],
    "repair": ["Replace the leaking kitchen tap and check the isolation valve.",
               "Ease and adjust the bedroom door that sticks; replace the hinge screws.",
               "Repair the bathroom extractor fan; it does not run when the light is on.",
               "Replace the broken window restrictor in the child's bedroom."],
    "planned": ["Kitchen replacement: survey and measure; agree the layout with the tenant."],
}
COMMUNAL_COMPLAINTS = [
    "Replace the failed light on the second-floor landing and check the emergency lighting on every floor.",
    "Repair the communal entrance door closer; the door slams and does not latch. Test the fob reader.",
    "Clear the blocked communal drain at the rear bin store and jet the run to the manhole.",
    "Remove graffiti from the stairwell walls (floors 1 to 3) and repaint in the existing colour.",
]
CONDUCT_SAID = {
    "id_shown": "The operative did not show any ID at the door.",
    "dust_sheets_boot_covers": "No boot covers although I had asked for them.",
    "cleared_up": "Old pipework left in the garden.",
    "no_bathroom": "The operative asked to use my toilet.",
    "respect_customs": "Walked into the prayer room without asking.",
    "no_damage": "Paint scraped in the hallway.",
    "right_equipment": "Came without the part and had to leave.",
}
SUPPORT_STRAINS = ["Severe anxiety about strangers in the home since a burglary.",
                   "Dementia; becomes distressed by noise and change.",
                   "PTSD; loud drilling triggers panic attacks."]
