"""Demo content: five fictional providers of Live Oak Mind Health."""

from home.models import Treatment
from providers.factories import (
    ProviderIndexPageFactory,
    ProviderPageFactory,
    education_rows,
)
from providers.models import Condition, ProviderPage, Specialty

SPECIALTIES = [
    "Adult psychiatry",
    "Interventional psychiatry",
    "Ketamine-assisted therapy",
    "Trauma-focused care",
    "Perinatal mental health",
]
CONDITIONS = [
    "Treatment-resistant depression",
    "Anxiety disorders",
    "PTSD",
    "Bipolar disorder",
    "Obsessive-compulsive disorder",
    "Postpartum depression",
]

PROVIDERS = [
    {
        "title": "Elena Marquez",
        "slug": "elena-marquez",
        "credentials": "MD",
        "job_title": "Psychiatrist and medical director",
        "summary": "Board-certified psychiatrist who leads our ketamine programme and "
        "cares for adults with depression that has not lifted with other treatment.",
        "bio": "<p>Dr. Marquez trained in psychiatry in Houston and spent eight years "
        "in a university mood disorders clinic before helping to found Live Oak. She "
        "oversees the safety protocols for every ketamine and esketamine treatment "
        "we give.</p><p>Outside the clinic she volunteers with a peer support "
        "network for physicians.</p>",
        "npi": "1260181593",
        "languages": "English, Spanish",
        "telehealth": True,
        "locations": ["austin-clarksville", "round-rock"],
        "specialties": ["Adult psychiatry", "Interventional psychiatry"],
        "conditions": ["Treatment-resistant depression", "Bipolar disorder"],
        "treatments": [
            "Psychiatric evaluation",
            "Medication management",
            "Ketamine infusion therapy",
            "Esketamine (Spravato) treatment",
        ],
        "education": [
            (
                "degree",
                "Doctor of Medicine",
                "University of Texas Medical Branch",
                2006,
            ),
            ("residency", "Psychiatry residency", "Baylor College of Medicine", 2010),
            (
                "certification",
                "Psychiatry",
                "American Board of Psychiatry and Neurology",
                2011,
            ),
        ],
    },
    {
        "title": "James Whitfield",
        "slug": "james-whitfield",
        "credentials": "DO",
        "job_title": "Psychiatrist",
        "summary": "Osteopathic psychiatrist with a focus on PTSD, including veterans "
        "and first responders.",
        "bio": "<p>Dr. Whitfield served as a military psychiatrist before moving to "
        "San Antonio. He combines medication, ketamine treatment where it fits, and "
        "close work with our therapists.</p>",
        "npi": "1830166132",
        "telehealth": False,
        "locations": ["san-antonio-alamo-heights"],
        "specialties": ["Adult psychiatry", "Trauma-focused care"],
        "conditions": ["PTSD", "Treatment-resistant depression", "Anxiety disorders"],
        "treatments": [
            "Psychiatric evaluation",
            "Medication management",
            "Ketamine infusion therapy",
        ],
        "education": [
            (
                "degree",
                "Doctor of Osteopathic Medicine",
                "UNT Health Science Center",
                2009,
            ),
            (
                "residency",
                "Psychiatry residency",
                "San Antonio Uniformed Services",
                2013,
            ),
        ],
    },
    {
        "title": "Priya Raman",
        "slug": "priya-raman",
        "credentials": "DNP, PMHNP-BC",
        "job_title": "Psychiatric nurse practitioner",
        "summary": "Nurse practitioner caring for new and expecting parents, and for "
        "adults with anxiety and obsessive-compulsive disorder.",
        "bio": "<p>Priya spent a decade as a psychiatric nurse on an inpatient unit "
        "before completing her doctorate. Patients value her clear explanations of "
        "every option, including when to wait.</p>",
        "npi": "1860913908",
        "languages": "English, Tamil",
        "telehealth": True,
        "locations": ["austin-clarksville"],
        "specialties": ["Perinatal mental health", "Adult psychiatry"],
        "conditions": [
            "Postpartum depression",
            "Anxiety disorders",
            "Obsessive-compulsive disorder",
        ],
        "treatments": ["Psychiatric evaluation", "Medication management"],
        "education": [
            ("degree", "Doctor of Nursing Practice", "Texas Woman's University", 2017),
            (
                "certification",
                "Psychiatric-Mental Health Nurse Practitioner",
                "ANCC",
                2017,
            ),
        ],
    },
    {
        "title": "Marcus Bell",
        "slug": "marcus-bell",
        "credentials": "MSN, PMHNP-BC",
        "job_title": "Psychiatric nurse practitioner",
        "summary": "Nurse practitioner who sees adults for medication management and "
        "esketamine treatment, in person and by video.",
        "bio": "<p>Marcus grew up in Round Rock and returned after nursing school in "
        "Dallas. He runs our evening telehealth clinic.</p>",
        "npi": "1960308249",
        "accepting_new_patients": False,
        "telehealth": True,
        "locations": ["round-rock", "san-antonio-alamo-heights"],
        "specialties": ["Adult psychiatry"],
        "conditions": ["Treatment-resistant depression", "Anxiety disorders"],
        "treatments": ["Medication management", "Esketamine (Spravato) treatment"],
        "education": [
            ("degree", "Master of Science in Nursing", "UT Arlington", 2015),
        ],
    },
    {
        "title": "Hannah Cho",
        "slug": "hannah-cho",
        "credentials": "LPC",
        "job_title": "Licensed professional counselor",
        "summary": "Therapist who prepares patients for ketamine sessions and helps "
        "them make sense of what comes up afterwards.",
        "bio": "<p>Hannah uses cognitive behavioural therapy and trauma-focused "
        "approaches, and leads our ketamine-assisted psychotherapy sessions.</p>",
        "languages": "English, Korean",
        "telehealth": True,
        "locations": ["austin-clarksville"],
        "specialties": ["Ketamine-assisted therapy", "Trauma-focused care"],
        "conditions": ["PTSD", "Anxiety disorders"],
        "treatments": ["Talk therapy", "Ketamine-assisted psychotherapy"],
        "education": [
            ("degree", "Master of Arts in Counseling", "St. Edward's University", 2016),
        ],
    },
]


def ensure_vocabulary(builder, model, names):
    for name in names:
        _, created = model.objects.get_or_create(name=name)
        if created:
            builder.log(f"{model._meta.verbose_name} '{name}'")


def load_providers_demo(builder):
    index = builder.section(
        ProviderIndexPageFactory.build(
            show_in_menus=True,
            intro="Meet the psychiatrists, nurse practitioners and therapists who "
            "care for our patients.",
        ),
        menu_order=1,
    )
    ensure_vocabulary(builder, Specialty, SPECIALTIES)
    ensure_vocabulary(builder, Condition, CONDITIONS)
    location_model = ProviderPage._meta.get_field("locations").related_model
    for number, spec in enumerate(PROVIDERS, start=1):
        if index.get_children().filter(slug=spec["slug"]).exists():
            continue
        fields = {
            key: value
            for key, value in spec.items()
            if key
            not in {"locations", "specialties", "conditions", "treatments", "education"}
        }
        provider = ProviderPageFactory.build(
            **fields,
            headshot=builder.image(
                f"Portrait of {spec['title']}", kind="portrait", seed=number
            ),
        )
        provider.locations = location_model.objects.filter(slug__in=spec["locations"])
        provider.specialties = Specialty.objects.filter(name__in=spec["specialties"])
        provider.conditions = Condition.objects.filter(name__in=spec["conditions"])
        provider.treatments = Treatment.objects.filter(name__in=spec["treatments"])
        provider.education = education_rows(spec["education"])
        builder.child_page(index, provider)
