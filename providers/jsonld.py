"""Structured data for a clinician: schema.org IndividualPhysician for an MD or DO,
Person for everyone else.

schema.org's Physician is an organisation (a physician's office), so the properties of
a person are not valid on it; IndividualPhysician is the type for one physician, and
practicesAt names the clinics (MedicalClinic nodes) where they see patients. Other
clinicians are Persons who work for the group and its clinics."""

from home.jsonld import GROUP_SPECIALTY, SCHEMA_CONTEXT, organization_id


def clinician_json_ld(provider, locations):
    """The node that names a provider wherever they appear (their own page, an
    article's author or reviewer): type, @id, name, address of their profile, and
    where they practise. `locations` are the live LocationPages they practise at."""
    url = provider.full_url
    data = {
        "@type": "IndividualPhysician" if provider.is_physician else "Person",
        "@id": f"{url}#provider",
        "name": provider.title,
        "url": url,
    }
    if provider.is_physician:
        data["practicesAt"] = [{"@id": location.json_ld_id} for location in locations]
    else:
        if provider.credentials:
            data["honorificSuffix"] = provider.credentials
        data["jobTitle"] = provider.job_title
        data["worksFor"] = [
            {"@id": organization_id(provider.site_root_url)},
            *({"@id": location.json_ld_id} for location in locations),
        ]
    return data


def provider_json_ld(page, request):
    """The provider page's own node: the clinician with credentials, languages and
    photo. A physician, being a local business for search engines, also carries the
    address and phone of their first clinic."""
    locations = page.live_locations()
    data = {
        "@context": SCHEMA_CONTEXT,
        **clinician_json_ld(page, locations),
        "description": page.summary,
        "hasCredential": [
            {
                "@type": "EducationalOccupationalCredential",
                "credentialCategory": "degree or certification",
                "name": credential,
            }
            for credential in page.credential_list
        ],
    }
    if page.seo_image_url:
        data["image"] = page.seo_image_url
    if page.language_list:
        data["knowsLanguage"] = page.language_list
    if page.is_physician:
        data["medicalSpecialty"] = GROUP_SPECIALTY
        if page.npi:
            data["usNPI"] = page.npi
        if locations:
            data["address"] = locations[0].json_ld_address()
            if locations[0].phone:
                data["telephone"] = locations[0].phone.as_e164
    return data
