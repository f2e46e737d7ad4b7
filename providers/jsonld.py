"""Structured data for a provider: schema.org Physician for MD/DO, otherwise Person."""

from home.jsonld import SCHEMA_CONTEXT, organization_id


def provider_json_ld(page, request):
    locations = page.live_locations()
    data = {
        "@context": SCHEMA_CONTEXT,
        "@id": f"{page.full_url}#provider",
        "name": page.title,
        "url": page.full_url,
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
        data["@type"] = "Physician"
        data["medicalSpecialty"] = "Psychiatric"
        data["practicesAt"] = [{"@id": location.json_ld_id} for location in locations]
        if page.npi:
            data["usNPI"] = page.npi
    else:
        data["@type"] = "Person"
        data["jobTitle"] = page.job_title
        data["worksFor"] = [
            {"@id": organization_id(page.site_root_url)},
            *({"@id": location.json_ld_id} for location in locations),
        ]
    return data
