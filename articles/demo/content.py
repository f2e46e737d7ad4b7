"""The words of the demo articles and press releases (original text, written for the
demo; the references are real, published sources)."""

REFERENCES = {
    "berman-2000": (
        "Antidepressant effects of ketamine in depressed patients",
        "Berman RM, et al. Biological Psychiatry, 2000",
        "https://doi.org/10.1016/S0006-3223(99)00230-9",
    ),
    "zarate-2006": (
        "A randomized trial of an N-methyl-D-aspartate antagonist in "
        "treatment-resistant major depression",
        "Zarate CA Jr, et al. Archives of General Psychiatry, 2006",
        "https://doi.org/10.1001/archpsyc.63.8.856",
    ),
    "duman-2012": (
        "Synaptic dysfunction in depression: potential therapeutic targets",
        "Duman RS, Aghajanian GK. Science, 2012",
        "https://doi.org/10.1126/science.1222939",
    ),
    "sanacora-2017": (
        "A consensus statement on the use of ketamine in the treatment of mood "
        "disorders",
        "Sanacora G, et al. JAMA Psychiatry, 2017",
        "https://doi.org/10.1001/jamapsychiatry.2017.0080",
    ),
    "fda-2019": (
        "FDA approves new nasal spray medication for treatment-resistant depression; "
        "available only at a certified doctor's office or clinic",
        "U.S. Food and Drug Administration, news release, March 2019",
        "https://www.fda.gov/news-events/press-announcements/"
        "fda-approves-new-nasal-spray-medication-treatment-resistant-depression-"
        "available-only-certified",
    ),
    "short-2018": (
        "Side-effects associated with ketamine use in depression: a systematic review",
        "Short B, et al. The Lancet Psychiatry, 2018",
        "https://doi.org/10.1016/S2215-0366(17)30272-9",
    ),
    "feder-2014": (
        "Efficacy of intravenous ketamine for treatment of chronic posttraumatic "
        "stress disorder: a randomized clinical trial",
        "Feder A, et al. JAMA Psychiatry, 2014",
        "https://doi.org/10.1001/jamapsychiatry.2014.62",
    ),
    "feder-2021": (
        "A randomized controlled trial of repeated ketamine administration for "
        "chronic posttraumatic stress disorder",
        "Feder A, et al. American Journal of Psychiatry, 2021",
        "https://doi.org/10.1176/appi.ajp.2020.20050596",
    ),
    "rush-2006": (
        "Acute and longer-term outcomes in depressed outpatients requiring one or "
        "several treatment steps: a STAR*D report",
        "Rush AJ, et al. American Journal of Psychiatry, 2006",
        "https://doi.org/10.1176/ajp.2006.163.11.1905",
    ),
    "mcintyre-2021": (
        "Synthesizing the evidence for ketamine and esketamine in treatment-resistant "
        "depression: an international expert opinion on the available evidence and "
        "implementation",
        "McIntyre RS, et al. American Journal of Psychiatry, 2021",
        "https://doi.org/10.1176/appi.ajp.2020.20081251",
    ),
    "anand-2023": (
        "Ketamine versus ECT for nonpsychotic treatment-resistant major depression",
        "Anand A, et al. New England Journal of Medicine, 2023",
        "https://doi.org/10.1056/NEJMoa2302399",
    ),
}

TOPICS = [
    "Ketamine therapy",
    "Treatment-resistant depression",
    "PTSD and trauma",
    "Safety and side effects",
    "Your visit",
]


def heading(text):
    return ("heading", {"text": text, "level": "h2"})


def paragraph(html):
    return ("paragraph", html)


def takeaways(*points):
    return ("key_takeaways", {"heading": "Key takeaways", "points": list(points)})


def quote(provider_slug, text):
    """An expert quote; the provider is looked up by slug when the page is built."""
    return ("expert_quote", {"provider": provider_slug, "quote": text})


def safety(title, html, crisis_line=True):
    return (
        "safety_callout",
        {"heading": title, "text": html, "show_crisis_line": crisis_line},
    )


def faq(*items):
    return (
        "faq",
        {
            "heading": "Common questions",
            "items": [{"question": q, "answer": a} for q, a in items],
        },
    )


ARTICLES = [
    {
        "slug": "how-ketamine-therapy-works",
        "search_description": "How ketamine may ease depression within hours by "
        "acting on glutamate, not serotonin, and what "
        "researchers still do not know.",
        "title": "How ketamine therapy works",
        "summary": "Ketamine acts on the brain's glutamate system rather than on "
        "serotonin, which may explain why it can ease depression within hours for "
        "some people. Here is what researchers understand so far, and what they do "
        "not.",
        "authors": ["elena-marquez"],
        "reviewer": "james-whitfield",
        "reviewed_days_ago": 40,
        "published_days_ago": 200,
        "topics": ["Ketamine therapy"],
        "references": ["berman-2000", "zarate-2006", "duman-2012", "sanacora-2017"],
        "featured": True,
        "body": [
            takeaways(
                "Ketamine works mainly on glutamate, the brain's busiest chemical "
                "messenger, not on serotonin like most antidepressants.",
                "Some people notice their mood lift within a day of a treatment, far "
                "sooner than the weeks older medicines take.",
                "Relief from one dose usually fades, so treatment is given as a "
                "planned series and then reviewed.",
                "Doses for depression are much lower than in surgery, and a "
                "clinician watches over you throughout.",
            ),
            paragraph(
                "<p>Ketamine was approved as an anesthetic in the United States in "
                "1970, and hospitals still use it in operating rooms and emergency "
                "departments. Around the turn of the century, researchers gave small "
                "doses to people with severe depression and noticed something "
                "unexpected: for many of them, symptoms eased within hours instead of "
                "weeks. Larger studies have repeated that finding since, and it is "
                "the reason ketamine is now part of psychiatric care.</p>"
            ),
            heading("A different target: glutamate"),
            paragraph(
                "<p>Most antidepressants, such as SSRIs, adjust serotonin and related "
                "messengers, and they usually need four to eight weeks to help. "
                "Ketamine acts on another system. It blocks a receptor called NMDA, "
                "which responds to glutamate, the chemical nerve cells use for most "
                "of their fast signalling.</p>"
                "<p>Blocking these receptors on certain calming cells briefly frees "
                "up a burst of glutamate activity elsewhere. In laboratory studies, "
                "that burst switches on growth signals, including a protein called "
                "BDNF, and within a day nerve cells in mood-related areas grow new "
                "connections, called synapses. Long-lasting stress and depression "
                "seem to wear these connections down, so one leading explanation is "
                "that ketamine helps the brain rebuild them.</p>"
            ),
            quote(
                "elena-marquez",
                "I describe it to patients as opening a window. For a few days after "
                "a treatment, many people find it easier to step back from thoughts "
                "that have felt stuck for years. What we do with that window, in "
                "therapy and in daily life, matters as much as the medicine.",
            ),
            heading("What the research shows, and what it does not"),
            paragraph(
                "<p>In controlled trials, a single low-dose infusion eased depressive "
                "symptoms for a large share of people whose depression had not "
                "improved with other treatment, often by the next day. Thoughts of "
                "suicide also tended to ease quickly, one reason the research has "
                "drawn so much attention.</p>"
                "<p>The picture has honest limits. The benefit of one infusion "
                "usually fades within one to two weeks, which is why treatment is "
                "given as a series. Researchers are still working out the best "
                "schedule, who is most likely to respond, and how to keep "
                "improvement going over months and years.</p>"
            ),
            heading("Ketamine and esketamine"),
            paragraph(
                "<p>Clinics use two forms. <b>Ketamine</b> given by intravenous "
                "infusion is used off-label for depression: the medicine is approved "
                "by the FDA, but not for this purpose, so your psychiatrist explains "
                "the evidence and the alternatives before you decide. "
                "<b>Esketamine</b> (brand name Spravato) is a nasal spray made from "
                "one of the two mirror-image halves of the ketamine molecule. The "
                "FDA approved it in 2019 for adults with treatment-resistant "
                "depression, taken with an oral antidepressant, and it is only given "
                "in certified clinics that observe you afterwards.</p>"
            ),
            faq(
                (
                    "Is ketamine therapy the same as recreational use?",
                    "<p>No. The dose, the setting and the purpose all differ. "
                    "Treatment doses are low, measured for your body weight, given "
                    "by medical staff, and followed by observation until the effects "
                    "have worn off.</p>",
                ),
                (
                    "Will I need to stop my other medicines?",
                    "<p>Usually not, but a few medicines change how ketamine works "
                    "or raise blood pressure. Bring a full list to your evaluation; "
                    "your psychiatrist will tell you if anything needs to change."
                    "</p>",
                ),
            ),
        ],
    },
    {
        "slug": "what-a-ketamine-session-is-like",
        "seo_title": "What a ketamine session is like | Live Oak Mind Health",
        "search_description": "What happens at a ketamine or esketamine visit, from "
        "check-in to going home, and how to prepare for your "
        "first session.",
        "title": "What a ketamine session is like, from check-in to the ride home",
        "summary": "Here is what happens during a ketamine or esketamine treatment "
        "at our clinics, from the moment you arrive until you go home, and how to "
        "prepare so the day goes smoothly.",
        "authors": ["hannah-cho", "marcus-bell"],
        "reviewer": "elena-marquez",
        "reviewed_days_ago": 75,
        "published_days_ago": 150,
        "topics": ["Your visit", "Ketamine therapy"],
        "references": ["fda-2019", "sanacora-2017"],
        "body": [
            takeaways(
                "Plan on two to three hours at the clinic, including time to rest "
                "afterwards.",
                "A nurse checks your blood pressure before, during and after "
                "treatment.",
                "Arrange a ride home: you may not drive until the next day.",
                "Feeling detached or dreamy during treatment is common; it passes, "
                "and staff stay close by.",
            ),
            heading("Before your first treatment"),
            paragraph(
                "<p>Nobody starts ketamine at their first visit. You first meet a "
                "psychiatrist or psychiatric nurse practitioner for a full "
                "evaluation: your history, the treatments you have tried, your "
                "physical health and the medicines you take. If ketamine or "
                "esketamine suits you, we plan the series together and agree how we "
                "will measure progress.</p>"
                "<p>On treatment days, avoid eating for a few hours beforehand, as "
                "nausea is more likely on a full stomach; your care team will give "
                "you exact times. Wear comfortable clothes, and bring headphones if "
                "music helps you relax.</p>"
            ),
            heading("During the session"),
            paragraph(
                "<p>You rest in a reclining chair in a quiet, private room. For an "
                "infusion, a nurse places a small IV line in your arm and the "
                "medicine runs in slowly, usually over about 40 minutes. For "
                "esketamine, you use the nasal spray yourself while a clinician "
                "watches, in two or three doses a few minutes apart.</p>"
                "<p>Within minutes, most people feel at a distance from their body "
                "or their surroundings. Colors, sounds and time can seem different. "
                "Some find this pleasant and others find it strange; few find it "
                "frightening, and staff are never far away. The strongest effects "
                "fade within an hour of the end of treatment.</p>"
            ),
            quote(
                "hannah-cho",
                "It helps to set an intention before you begin, even something "
                "simple like 'notice what comes up without judging it'. Afterwards we "
                "talk through what you experienced. Patients often tell me that "
                "conversation is where the session starts to make sense.",
            ),
            heading("Afterwards"),
            paragraph(
                "<p>You stay with us until your blood pressure is back to your usual "
                "level and you feel steady on your feet. For esketamine, FDA rules "
                "require at least two hours of observation after each dose. Someone "
                "needs to take you home, and you should not drive, use machinery or "
                "make big decisions until the next day, after a night's sleep.</p>"
            ),
            quote(
                "marcus-bell",
                "We check in with every patient the morning after a treatment. If "
                "something felt off, or if your mood dips between sessions, we want "
                "to hear about it early, not at the end of the series.",
            ),
            safety(
                "When to call us, or 988",
                "<p>Call the clinic if you have chest pain, a severe headache, "
                "confusion that lasts more than a few hours after treatment, or new "
                "trouble passing urine. If at any point you think about harming "
                "yourself, call or text 988 or go to the nearest emergency room.</p>",
                crisis_line=False,
            ),
        ],
    },
    {
        "slug": "ketamine-side-effects-and-safety",
        "seo_title": "Ketamine side effects and safety | Live Oak Mind Health",
        "search_description": "The common, short-lived side effects of ketamine "
        "treatment, the rarer risks, and the health "
        "conditions that mean waiting.",
        "title": "Ketamine treatment: side effects, safety and who should wait",
        "summary": "Most side effects of ketamine treatment are short-lived and "
        "settle within a couple of hours. Some health conditions call for extra care "
        "or another option. Here is how we keep treatment safe.",
        "authors": ["marcus-bell"],
        "reviewer": "elena-marquez",
        "reviewed_days_ago": 340,
        "published_days_ago": 360,
        "topics": ["Safety and side effects", "Ketamine therapy"],
        "references": ["short-2018", "sanacora-2017", "fda-2019"],
        "body": [
            takeaways(
                "Common side effects, such as feeling detached, dizziness, nausea "
                "and a rise in blood pressure, usually pass within one to two hours.",
                "A clinician monitors you throughout each treatment and until you "
                "are ready to leave.",
                "Poorly controlled high blood pressure, some heart conditions, a "
                "history of psychosis and pregnancy need a careful talk first.",
                "Ketamine can be misused, so it is only ever given in the clinic, "
                "never taken home.",
            ),
            heading("Common, short-lived effects"),
            paragraph(
                "<p>During and shortly after a treatment, people often notice:</p>"
                "<ul><li>a dreamy or detached feeling, called dissociation;</li>"
                "<li>dizziness, drowsiness or blurred vision;</li>"
                "<li>nausea, and now and then vomiting;</li>"
                "<li>a temporary rise in blood pressure and heart rate;</li>"
                "<li>a headache, or tiredness later in the day.</li></ul>"
                "<p>These effects are expected, and for most people they settle "
                "within one to two hours. They often grow milder over a treatment "
                "series. If they bother you, tell your care team: adjusting the "
                "dose or the speed of an infusion, or a medicine for nausea, often "
                "helps.</p>"
            ),
            quote(
                "marcus-bell",
                "Blood pressure is the number we watch most closely. We check it "
                "before every treatment, and if it is too high that day we simply "
                "wait or rebook. Nobody should feel rushed into a session.",
            ),
            heading("Who needs extra care"),
            paragraph(
                "<p>Ketamine is not the right choice for everyone. At your "
                "evaluation we ask about conditions that raise the risks, "
                "including:</p>"
                "<ul><li>high blood pressure that is not well controlled, heart "
                "disease, or a past stroke or aneurysm;</li>"
                "<li>a history of psychosis, such as schizophrenia, or of mania;</li>"
                "<li>current or past problems with alcohol or drugs;</li>"
                "<li>pregnancy, plans for pregnancy, or breastfeeding;</li>"
                "<li>liver disease, and medicines that interact with ketamine.</li>"
                "</ul>"
                "<p>Having one of these does not always rule treatment out, but it "
                "changes the conversation, and sometimes another treatment is the "
                "safer path.</p>"
            ),
            safety(
                "Misuse and longer-term risks",
                "<p>Ketamine is a controlled substance because it can be misused. "
                "Heavy, frequent use outside medical care has been linked to bladder "
                "damage and memory problems. In treatment, doses are low and spaced "
                "out, and the medicine never leaves the clinic. Tell your care team "
                "if you have used ketamine recreationally, or if you feel drawn to "
                "use it between treatments.</p>",
            ),
            faq(
                (
                    "Can I drive after a treatment?",
                    "<p>No. Plan for someone to take you home, and do not drive "
                    "until the next day, after a full night's sleep.</p>",
                ),
                (
                    "Does ketamine treatment affect memory?",
                    "<p>Some people feel foggy for the rest of the treatment day. "
                    "Studies of treatment doses have mostly followed people for "
                    "weeks or months, so less is known about the long term, which "
                    "is one reason we review your progress regularly.</p>",
                ),
            ),
        ],
    },
    {
        "slug": "ketamine-and-ptsd",
        "seo_title": "Ketamine for PTSD: the research | Live Oak Mind Health",
        "search_description": "What trials of ketamine infusions for PTSD have "
        "found so far, and how therapy around the sessions "
        "can help the benefit last.",
        "title": "Ketamine and PTSD: what the research shows",
        "summary": "Early trials suggest ketamine infusions can quickly ease PTSD "
        "symptoms for some people. Here is what the studies found, where the "
        "evidence is still thin, and how treatment fits with trauma-focused therapy.",
        "authors": ["james-whitfield", "hannah-cho"],
        "reviewer": "elena-marquez",
        "reviewed_days_ago": 372,
        "published_days_ago": 400,
        "topics": ["PTSD and trauma", "Ketamine therapy"],
        "references": ["feder-2014", "feder-2021"],
        "body": [
            takeaways(
                "Trauma-focused talk therapy is still the first treatment to try "
                "for PTSD.",
                "In small randomized trials, ketamine infusions eased PTSD symptoms "
                "faster than a comparison medicine.",
                "Ketamine is not FDA-approved for PTSD; we offer it off-label, after "
                "a careful evaluation.",
                "Pairing ketamine with therapy is promising but still being studied.",
            ),
            paragraph(
                "<p>Post-traumatic stress disorder can follow any event that "
                "overwhelms a person's sense of safety: combat, assault, a serious "
                "accident, a disaster. Nightmares, flashbacks, feeling constantly on "
                "guard and avoiding reminders can last for years. Trauma-focused "
                "therapies such as prolonged exposure and cognitive processing "
                "therapy help many people, and some medicines help too. Still, a "
                "sizeable group keeps struggling after trying them, and they are "
                "the people ketamine research has focused on.</p>"
            ),
            heading("What the trials found"),
            paragraph(
                "<p>In a 2014 trial, adults with long-standing PTSD received one "
                "ketamine infusion and, on another day, an infusion of midazolam, a "
                "sedative chosen because its effects are also noticeable. Their PTSD "
                "symptoms were markedly lower 24 hours after ketamine than after "
                "midazolam.</p>"
                "<p>A follow-up trial published in 2021 gave six infusions over two "
                "weeks. About two in three people who received ketamine improved "
                "meaningfully, compared with one in five who received midazolam, "
                "and for many the benefit lasted several weeks after the last "
                "infusion. Both studies were small, with a few dozen people each, "
                "so larger trials are needed before anyone can draw firm "
                "conclusions.</p>"
            ),
            quote(
                "james-whitfield",
                "Many of the veterans I see have done the hard work of therapy and "
                "still wake up on guard every morning. For some of them, ketamine has "
                "turned that alarm down enough to make progress again. It does not "
                "replace therapy; it can make therapy possible.",
            ),
            heading("Ketamine alongside therapy"),
            paragraph(
                "<p>At our clinics, ketamine for PTSD is planned together with a "
                "therapist. Sessions before the series help you prepare and set "
                "goals; sessions afterwards help you make sense of memories or "
                "feelings that surfaced and put new insight into practice. This "
                "combined approach is being studied, and early results are "
                "encouraging, but it is not yet proven to work better than either "
                "treatment alone.</p>"
            ),
            quote(
                "hannah-cho",
                "Memories of the trauma can come up during or after a session, and "
                "that is not a sign something has gone wrong. We plan for it, so "
                "that nobody is left alone with what surfaces.",
            ),
            safety(
                "Safety first",
                "<p>If your PTSD symptoms include thoughts of ending your life, tell "
                "your clinician straight away. Ketamine treatment is not a crisis "
                "service: it is planned care that starts after an evaluation.</p>",
            ),
        ],
    },
    {
        "slug": "treatment-resistant-depression",
        "seo_title": "Treatment-resistant depression | Live Oak Mind Health",
        "search_description": "When two antidepressants have not helped: what "
        "treatment-resistant depression means, and the "
        "options that remain to try.",
        "title": "Treatment-resistant depression: what it means and what can help",
        "summary": "If two or more antidepressants have not helped, you may be living "
        "with treatment-resistant depression. It is common, it is not your fault, "
        "and there are still good options to try.",
        "authors": ["elena-marquez", "priya-raman"],
        "reviewer": "james-whitfield",
        "reviewed_days_ago": 20,
        "published_days_ago": 90,
        "topics": ["Treatment-resistant depression", "Ketamine therapy"],
        "references": ["rush-2006", "mcintyre-2021", "anand-2023"],
        "body": [
            takeaways(
                "Depression is usually called treatment-resistant when at least two "
                "antidepressants, taken at a good dose for long enough, have not "
                "brought enough relief.",
                "It is common: in a large US study about two in three people "
                "reached remission, but many needed several treatment steps to get "
                "there.",
                "Options include changing or combining medicines, therapy, TMS, "
                "ECT, and ketamine or esketamine.",
                "A careful review of the diagnosis and of past treatment comes first.",
            ),
            paragraph(
                "<p>Feeling that nothing works is one of the hardest parts of "
                "depression. If you have tried medicines that did not help, or "
                "helped only a little, you are far from alone, and it does not mean "
                "you have run out of options.</p>"
            ),
            heading("What treatment-resistant means"),
            paragraph(
                "<p>Clinicians usually use the term when depression has not improved "
                "enough after at least two different antidepressants, each taken at "
                "an adequate dose for an adequate time, often six to eight weeks. "
                "Before using the label, a good evaluation checks a few things: "
                "whether the diagnosis is complete (bipolar disorder, thyroid "
                "problems, sleep apnea and substance use can all mimic or worsen "
                "depression), whether earlier medicines were taken long enough at a "
                "helpful dose, and whether side effects cut them short.</p>"
            ),
            quote(
                "priya-raman",
                "Often the most useful part of a first visit is hearing the whole "
                "story of what was tried, at what dose and for how long. We "
                "regularly find a treatment that never had a fair chance, or a sleep "
                "or thyroid problem nobody had checked.",
            ),
            heading("The options"),
            paragraph(
                "<ul><li><b>Adjusting medicines</b>: switching to a different "
                "class, raising a dose, or adding a second medicine such as lithium "
                "or an atypical antipsychotic.</li>"
                "<li><b>Psychotherapy</b>: cognitive behavioral therapy and other "
                "approaches work well alongside medicine.</li>"
                "<li><b>Transcranial magnetic stimulation (TMS)</b>: magnetic "
                "pulses applied to the scalp in daily outpatient sessions over "
                "several weeks.</li>"
                "<li><b>Electroconvulsive therapy (ECT)</b>: one of the most "
                "effective treatments for severe depression, given under "
                "anesthesia.</li>"
                "<li><b>Esketamine or ketamine</b>: fast-acting options given in "
                "the clinic under monitoring.</li></ul>"
                "<p>In a 2023 trial that compared ketamine infusions with ECT for "
                "people with treatment-resistant depression without psychosis, "
                "ketamine was at least as effective as ECT over three weeks of "
                "treatment. Each option has its own benefits and burdens, and the "
                "right choice depends on your history, your preferences and how "
                "urgently you need relief.</p>"
            ),
            quote(
                "elena-marquez",
                "Treatment-resistant does not mean untreatable. It means we need to "
                "be more thorough and more creative, and it is exactly the situation "
                "newer options such as esketamine were designed for.",
            ),
            faq(
                (
                    "How soon will I know whether a new treatment is working?",
                    "<p>It depends on the treatment. Most antidepressants take four "
                    "to eight weeks; ketamine and esketamine are usually assessed "
                    "after the first few treatments. We agree on a checkpoint with "
                    "you at the start.</p>",
                ),
                (
                    "Does insurance cover these treatments?",
                    "<p>Coverage varies. Esketamine, TMS and ECT are often covered "
                    "for treatment-resistant depression; IV ketamine for depression "
                    "usually is not. Our team checks your benefits before you "
                    "start.</p>",
                ),
            ),
        ],
    },
]

BOILERPLATE = (
    "<p>{group} is a group of outpatient mental health clinics in Austin, Round Rock "
    "and San Antonio, Texas. Its psychiatrists, psychiatric nurse practitioners and "
    "therapists care for adults with depression, anxiety, PTSD and related "
    "conditions, offering psychiatric evaluation, medication management, talk "
    "therapy and medically supervised ketamine and esketamine treatment. Patients "
    "can ask for a consultation without a referral.</p>"
)

PRESS_RELEASES = [
    {
        "slug": "san-antonio-clinic-opens-in-alamo-heights",
        "seo_title": "Live Oak Mind Health opens Alamo Heights clinic",
        "title": "Live Oak Mind Health opens San Antonio clinic in Alamo Heights",
        "subheadline": "The group's third clinic brings psychiatric evaluation, "
        "medication management and supervised ketamine treatment to north-central "
        "San Antonio.",
        "dateline_city": "San Antonio",
        "released_days_ago": 45,
        "summary": "Live Oak Mind Health has opened its third Texas clinic, in San "
        "Antonio's Alamo Heights neighborhood, led by psychiatrist James Whitfield, "
        "DO.",
        "newswire_name": "Texas Health Wire",
        "newswire_url": "https://newswire.example.com/releases/"
        "live-oak-mind-health-alamo-heights",
        "location_slug": "san-antonio-alamo-heights",
        "body": [
            paragraph(
                "<p>Live Oak Mind Health today opened its third clinic, in the Alamo "
                "Heights neighborhood of San Antonio. The clinic offers psychiatric "
                "evaluations, medication management and medically supervised "
                "ketamine treatment for adults living with depression, anxiety and "
                "post-traumatic stress disorder.</p>"
            ),
            paragraph(
                "<p>Psychiatrist James Whitfield, DO, leads the new clinic. Before "
                "joining Live Oak, Dr. Whitfield served as a military psychiatrist, "
                "and his work focuses on PTSD among veterans and first responders. "
                "Psychiatric nurse practitioner Marcus Bell, MSN, PMHNP-BC, also "
                "sees patients there, in person and by video.</p>"
            ),
            quote(
                "james-whitfield",
                "San Antonio is home to one of the largest veteran communities in "
                "the country, and too many people here wait months for psychiatric "
                "care. We want someone who calls us this week to be seen within "
                "days, not seasons.",
            ),
            paragraph(
                "<p>The clinic has private rooms for ketamine infusions and "
                "esketamine nasal spray treatment, with a nurse present throughout "
                "each treatment and recovery. Patients can ask for a consultation "
                "online or by phone, and no referral is needed.</p>"
            ),
            quote(
                "elena-marquez",
                "Every clinic we open follows the same safety protocols, from the "
                "first evaluation to the ride home after treatment. Patients in San "
                "Antonio get exactly the care our Austin patients do.",
            ),
        ],
    },
    {
        "slug": "marcus-bell-joins-live-oak-mind-health",
        "seo_title": "Marcus Bell, PMHNP-BC, joins Live Oak Mind Health",
        "title": "Psychiatric nurse practitioner Marcus Bell joins Live Oak Mind "
        "Health",
        "subheadline": "Bell leads a new evening telehealth clinic and offers "
        "esketamine treatment in Round Rock and San Antonio.",
        "dateline_city": "Round Rock",
        "released_days_ago": 12,
        "summary": "Marcus Bell, MSN, PMHNP-BC, has joined Live Oak Mind Health, where "
        "he leads an evening telehealth clinic and provides esketamine treatment.",
        "body": [
            paragraph(
                "<p>Live Oak Mind Health today announced that psychiatric nurse "
                "practitioner Marcus Bell, MSN, PMHNP-BC, has joined its clinical "
                "team. Bell cares for adults in medication management and "
                "esketamine treatment at the group's Round Rock and San Antonio "
                "clinics, and leads a new evening telehealth clinic for people who "
                "cannot easily take time off work.</p>"
            ),
            paragraph(
                "<p>Bell grew up in Round Rock and earned his Master of Science in "
                "Nursing at the University of Texas at Arlington. He is board "
                "certified as a psychiatric-mental health nurse practitioner.</p>"
            ),
            quote(
                "elena-marquez",
                "Marcus brings a calm, practical style that patients trust quickly. "
                "His evening clinic means a nurse or a teacher no longer has to "
                "choose between a shift and their own care.",
            ),
            quote(
                "marcus-bell",
                "I trained in Dallas, but I always meant to come home. Caring for "
                "people in the town where I grew up, at hours that fit their lives, "
                "is why I chose this work.",
            ),
        ],
    },
]
