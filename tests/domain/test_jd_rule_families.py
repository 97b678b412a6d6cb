"""Each drift family of checklists/jd_check.yaml, on wordings of our own that no corpus holds.

The check should read what a sentence says, not the words it was tuned on: each family is
tried on varied wordings that must be flagged (synonyms, abbreviations such as PRN, NIC, HCA and
obs, passive voice, the verb far from its object) and on good or negated wordings that must not
be. Written in rounds for issue 16 after the rules had been turned into verb-object frames
(docs/jd_check.md). Before any change for them, round one was flagged at 59 of 67, round two at
36 of 52, round three at 40 of 49, round five (formal NHS wording) at 38 of 47, round seven (the
families added for issue 16) at 13 of 22, round eight (nouns and the passive) at 15 of 21, round
ten (ward abbreviations) at 8 of 15, round eleven (specialist services) at 7 of 15, round twelve
(informal wording) at 9 of 20, round thirteen (ward slang) at 8 of 17 and round fourteen
(roundabout wording of the issue's families) at 8 of 15, round fifteen (HR and job-evaluation
register) at 37 of 55, round sixteen (plain-English fragments) at 28 of 51 and round
seventeen (conditions, implied duties) at 23 of 34; of the
good wordings, 1 of round one's 23, 1 of round four's 47, 2 of round nine's 15, 3 of round
sixteen's 20, 3 of round seventeen's 10 and 3 of round eighteen's 15 were flagged.
The rules were then widened or tightened for the misses, so these cases now guard against
regressions rather than measure.
"""

import pytest

from roledesign.catalog import DOMAIN_KEYS
from roledesign.domain.jd_check import check_text, find
from tests.documents.plan_examples import catalog

FLAGGED = [
    # Round seventeen: conditions ("should the need arise", "where clinically indicated"), the
    # verb far from its object, implied duties: 23 of 34 flagged before the changes for them.
    (
        "close-observations",
        "Where clinically indicated, the post holder will provide enhanced levels of observation for patients at risk.",
    ),
    (
        "close-observations",
        "Should the need arise, you will be asked to remain with a patient who is on arm's-length observations.",
    ),
    (
        "close-observations",
        "Patients on increased levels of support will be observed by the post holder as part of the shift plan.",
    ),
    (
        "physical-health-checks",
        "Where patients are prescribed clozapine, you will take and record their observations and weight weekly.",
    ),
    (
        "physical-health-checks",
        "Physical observations, including blood pressure, will be recorded by the post holder on each shift.",
    ),
    (
        "restraint",
        "Should a patient become physically aggressive, the post holder will assist colleagues to restrain them safely.",
    ),
    (
        "restraint",
        "Attendance at incidents requiring physical intervention is expected of all ward-based staff, including this post.",
    ),
    (
        "medication",
        "Where people struggle to remember their medication, you will visit to make sure it has been taken.",
    ),
    (
        "medication",
        "The post holder will be responsible for collecting prescriptions from the pharmacy and delivering them to clients.",
    ),
    (
        "medication",
        "Oversight of self-administered medication in the rehabilitation flats will be part of the role.",
    ),
    (
        "mealtimes",
        "When the ward is busy, the post holder will be expected to supervise patients in the dining area.",
    ),
    ("mealtimes", "Responsibility for the preparation of patients' breakfasts falls to this post."),
    (
        "escorting",
        "Should a patient require transfer to the general hospital, the post holder may be asked to accompany them.",
    ),
    ("escorting", "Escorted leave into the grounds will be facilitated by the post holder."),
    (
        "clerical-domestic",
        "When the ward clerk is not on duty, the post holder will be responsible for answering the ward telephone.",
    ),
    (
        "clerical-domestic",
        "Responsibility for maintaining stock levels in the clinic room lies with the post holder.",
    ),
    (
        "clerical-domestic",
        "Administrative support to the team, including the booking of rooms, will be provided by the post holder.",
    ),
    (
        "staff-shortages",
        "Should staffing levels fall below the safe minimum, the post holder will be counted within the nursing numbers.",
    ),
    (
        "staff-shortages",
        "In the event of staff sickness, the post holder may be asked to support other areas of the service.",
    ),
    (
        "staff-shortages",
        "The post will form part of the core team rota, including nights and weekends.",
    ),
    (
        "personal-care",
        "Where residents need help with their personal care, you will support them with washing and dressing.",
    ),
    (
        "personal-care",
        "Support with the activities of daily living will be given by the post holder where needed.",
    ),
    (
        "clinical-tasks",
        "Where a referral is received, the post holder will complete an initial assessment of risk and need.",
    ),
    (
        "clinical-tasks",
        "The post holder will be responsible for updating care plans following each review.",
    ),
    (
        "clinical-tasks",
        "Should a service user's presentation change, you will carry out a brief mental state check and inform the team.",
    ),
    (
        "other-duties",
        "The post holder will be expected to carry out any other duties that may arise from time to time.",
    ),
    (
        "other-duties",
        "This job description will be reviewed and other duties may be added in line with service needs.",
    ),
    (
        "clinical-direction",
        "The post holder will carry out tasks as delegated by registered practitioners on the ward.",
    ),
    (
        "clinical-direction",
        "The work of the post holder will be directed by the ward's nursing team.",
    ),
    (
        "sharing-discouraged",
        "In line with the professional boundaries policy, staff do not share details of their own health with patients.",
    ),
    (
        "service-use-exclusion",
        "Applicants who have had contact with the crisis team in the last year will not be shortlisted.",
    ),
    (
        "healthcare-experience-essential",
        "Essential: substantial experience of working with people with mental health needs in a statutory setting.",
    ),
    (
        "credentials-essential",
        "Essential: a recognised qualification in health or social care at level 3.",
    ),
    # Round sixteen: plain-English charity wording, bullet fragments and "the worker will":
    # 28 of 51 were flagged before the changes for them (and 3 of 20 good wordings were).
    ("close-observations", "- sitting in with patients who need to be watched round the clock"),
    ("close-observations", "- doing the 15-min checks on the corridor"),
    ("close-observations", "The worker will be expected to take a turn on obs."),
    (
        "physical-health-checks",
        "- weighing people and taking their blood pressure at the weekly health clinic",
    ),
    (
        "physical-health-checks",
        "The worker will do the physical health monitoring for people on antipsychotics.",
    ),
    ("physical-health-checks", "- BP, pulse and temp for new admissions"),
    ("restraint", "- helping staff to hold people safely when things escalate"),
    ("restraint", "The worker will be part of the team that responds when the alarm goes off."),
    ("restraint", "- checking belongings for contraband when people come back from leave"),
    ("medication", "- giving people their tablets at breakfast"),
    ("medication", "The worker will check people have taken their meds."),
    ("medication", "- sorting out blister packs with residents"),
    ("mealtimes", "- sitting with people at meals to make sure they finish"),
    ("mealtimes", "- running the tea trolley"),
    ("mealtimes", "The worker will help dish up lunch in the dining room."),
    ("escorting", "- taking people to their court dates"),
    ("escorting", "The worker will go with patients on their Section 17 leave."),
    ("escorting", "- driving residents to hospital appointments"),
    ("clerical-domestic", "- answering the phones and taking messages"),
    ("clerical-domestic", "- keeping the office tidy and the kettle stocked"),
    ("clerical-domestic", "The worker will type up letters for the consultant."),
    ("staff-shortages", "The worker may be moved to another ward if they are short."),
    ("staff-shortages", "- picking up extra shifts when the team is stretched"),
    ("personal-care", "- helping people wash and get dressed in the mornings"),
    ("personal-care", "The worker will help residents with their personal care."),
    ("personal-care", "- help with showering and shaving"),
    ("clinical-tasks", "- filling in risk assessments for new referrals"),
    ("clinical-tasks", "The worker will screen people for the service."),
    ("clinical-tasks", "- keeping track of people's symptoms and telling the psychiatrist"),
    ("other-duties", "- anything else the manager needs"),
    ("other-duties", "The worker will also do other jobs around the service as needed."),
    ("other-duties", "- plus any other bits and pieces that come up"),
    ("sharing-discouraged", "The worker must keep their own mental health private at work."),
    ("sharing-discouraged", "- no talking about your own diagnosis with clients"),
    ("sharing-discouraged", "Self-disclosure is not appropriate in this role."),
    ("clinical-direction", "- doing whatever the nurses ask on the shift"),
    ("clinical-direction", "The worker takes their instructions from the ward doctor."),
    ("clinical-direction", "- helping the OTs with whatever they need"),
    ("credentials-essential", "Essential: Care Certificate."),
    ("credentials-essential", "You must have an NVQ 2 in care."),
    ("credentials-essential", "Essential: registered mental health nurse."),
    ("healthcare-experience-essential", "Essential: you must have worked in a hospital before."),
    ("healthcare-experience-essential", "Essential: two years' care work."),
    ("healthcare-experience-essential", "You must have worked as a carer."),
    ("service-use-exclusion", "You must not have used mental health services in the past year."),
    ("service-use-exclusion", "Sorry, we can't take applicants who are currently in treatment."),
    ("service-use-exclusion", "Applicants must have been out of hospital for two years."),
    ("caseload-by-others", "- working with whoever the team gives you"),
    ("caseload-by-others", "The worker will be given a list of clients by the manager."),
    ("caseload-by-others", "The team decides who you'll support."),
    # Round fifteen: HR and job-evaluation register, nominalisations ("the administration of
    # medication"), the passive and implied duties ("forms part of the ward establishment"):
    # 37 of 55 were flagged before the changes for them.
    (
        "close-observations",
        "The post holder will be rostered to the observation of patients assessed as high risk.",
    ),
    (
        "close-observations",
        "Patients requiring within-arm's-reach supervision will be allocated to the post holder.",
    ),
    (
        "close-observations",
        "Undertakes intermittent and continuous engagement with patients as per the observation and engagement policy.",
    ),
    (
        "close-observations",
        "Maintains a visual check on patients at agreed intervals throughout the shift.",
    ),
    (
        "physical-health-checks",
        "Responsible for the recording of physical parameters including pulse and blood pressure.",
    ),
    (
        "physical-health-checks",
        "Baseline physical health monitoring will be undertaken by the post holder on admission.",
    ),
    ("physical-health-checks", "Carries out capillary blood glucose testing when required."),
    (
        "restraint",
        "The post holder will be trained in and participate in the safe holding of patients.",
    ),
    (
        "restraint",
        "Searching of patients' rooms will be carried out in line with the search policy.",
    ),
    ("restraint", "Forms part of the emergency response team for the unit."),
    (
        "medication",
        "Supports the administration of medication under the supervision of a registered nurse.",
    ),
    ("medication", "Ensures service users' compliance with their prescribed treatment."),
    ("medication", "Assists in the ordering and receipt of pharmacy stock."),
    ("mealtimes", "Oversees the serving of meals and the monitoring of dietary intake."),
    ("mealtimes", "Assists with the provision of breakfast and evening snacks."),
    (
        "escorting",
        "Patients will be accompanied by the post holder to external appointments when required.",
    ),
    ("escorting", "Undertakes the transfer of patients between sites."),
    ("escorting", "Responsible for the safe conveyance of service users to court."),
    ("clerical-domestic", "Maintains the ward's filing and records systems."),
    (
        "clerical-domestic",
        "Responsible for the processing of incoming correspondence and telephone enquiries.",
    ),
    ("clerical-domestic", "Ensures the cleanliness of the ward environment and kitchen areas."),
    ("clerical-domestic", "Will undertake the ordering of supplies for the team."),
    ("staff-shortages", "The post forms part of the ward establishment."),
    (
        "staff-shortages",
        "The post holder may be redeployed to support safe staffing when required.",
    ),
    ("staff-shortages", "Will be included in the numbers on the duty rota."),
    ("staff-shortages", "Provides cover during periods of staff absence."),
    ("personal-care", "Assists patients with the activities of daily living, including hygiene."),
    ("personal-care", "Provision of intimate care to residents when required."),
    (
        "personal-care",
        "Service users will be supported by the post holder with bathing and dressing.",
    ),
    ("clinical-tasks", "Contributes to the assessment of risk and the formulation of care plans."),
    (
        "clinical-tasks",
        "Undertakes the monitoring of service users' mental state and reports changes.",
    ),
    ("clinical-tasks", "Completion of standardised outcome measures with service users."),
    ("credentials-essential", "Essential: NVQ Level 3 in Care or equivalent."),
    ("credentials-essential", "Essential: must hold a current first aid at work certificate."),
    ("credentials-essential", "Essential: educated to degree level in a health-related subject."),
    (
        "other-duties",
        "The post holder will undertake any other duties commensurate with the grade.",
    ),
    ("other-duties", "Any other tasks as may reasonably be required by the line manager."),
    (
        "sharing-discouraged",
        "Disclosure of personal health information to patients is not permitted.",
    ),
    (
        "sharing-discouraged",
        "Staff are expected to maintain professional boundaries and refrain from self-disclosure.",
    ),
    ("sharing-discouraged", "Personal experiences should not be discussed with service users."),
    (
        "clinical-direction",
        "Works under the direction and supervision of registered nursing staff.",
    ),
    ("clinical-direction", "Carries out duties delegated by the nurse in charge."),
    ("clinical-direction", "Tasks will be allocated by the shift coordinator."),
    (
        "healthcare-experience-essential",
        "Essential: previous experience of working in a mental health inpatient setting.",
    ),
    (
        "healthcare-experience-essential",
        "Essential: at least six months' experience as a healthcare support worker.",
    ),
    ("healthcare-experience-essential", "Essential: experience of working in the NHS."),
    ("service-use-exclusion", "Applicants must have been well for at least two years."),
    (
        "service-use-exclusion",
        "Candidates currently under the care of secondary mental health services will not be considered.",
    ),
    (
        "service-use-exclusion",
        "Applicants should not have had an inpatient admission within the last two years.",
    ),
    ("caseload-by-others", "Referrals will be allocated to the post holder by the team leader."),
    (
        "caseload-by-others",
        "Service users will be assigned to the worker at the allocation meeting.",
    ),
    ("caseload-by-others", "The caseload is determined by the care coordinators."),
    # Round fourteen: the issue's own families once more, in roundabout wording.
    (
        "sharing-discouraged",
        "Professional conduct means keeping your own story out of your conversations with patients.",
    ),
    ("sharing-discouraged", "Personal disclosure to patients is not part of this role."),
    (
        "sharing-discouraged",
        "Workers are advised against disclosing their diagnosis to service users.",
    ),
    (
        "sharing-discouraged",
        "The post holder will not use their own experiences in their work with clients.",
    ),
    ("clinical-direction", "You will be directed in your daily work by the senior nurse on duty."),
    ("clinical-direction", "Follow the plan of care set by the consultant."),
    ("clinical-direction", "Carry out support tasks requested by the occupational therapist."),
    ("staff-shortages", "At times of high demand you may be asked to support the wider ward team."),
    ("staff-shortages", "You will help to maintain minimum staffing on night shifts."),
    ("staff-shortages", "You may be asked to act up as a healthcare assistant when needed."),
    (
        "healthcare-experience-essential",
        "Essential: a minimum of one year in a health or social care role.",
    ),
    (
        "caseload-by-others",
        "People on the waiting list will be assigned to you by the intake coordinator.",
    ),
    (
        "service-use-exclusion",
        "Applicants must not have been admitted to a psychiatric hospital in the past three years.",
    ),
    ("personal-care", "Help residents to bathe and dress."),
    ("mealtimes", "Encourage patients to finish their meals and record what they eat."),
    # Round thirteen: ward slang and compound subjects ("the ward manager will decide").
    ("close-observations", "Support ward staff with 'specials' when patients are very unwell."),
    (
        "close-observations",
        "Take part in therapeutic engagement and observation (TEO) on the ward.",
    ),
    ("medication", "Assist with the drugs round each morning."),
    ("staff-shortages", "Provide cover in the Section 136 suite when it is busy."),
    ("restraint", "Help staff manage incidents of aggression on the ward."),
    ("clinical-tasks", "Take part in triaging new referrals alongside the duty team."),
    ("escorting", "Go with patients to A&E if they need physical treatment."),
    ("clerical-domestic", "Keep the patients' property book up to date."),
    ("mealtimes", "Help serve lunch and clear tables on the ward."),
    ("physical-health-checks", "Do the weekly weights and BPs."),
    ("personal-care", "Help people with their laundry, shopping and housework."),
    ("other-duties", "Take on other responsibilities as required by the ward manager."),
    ("sharing-discouraged", "Talking about your own mental health with patients is discouraged."),
    ("service-use-exclusion", "Applicants must be discharged from secondary care."),
    ("caseload-by-others", "The ward manager will decide who you work with each day."),
    (
        "clinical-direction",
        "You will be accountable to the nurse in charge for the tasks you are given on each shift.",
    ),
    (
        "healthcare-experience-essential",
        "Essential: experience of working in mental health services in a paid role.",
    ),
    # Round twelve: informal wording.
    (
        "close-observations",
        "Keep people safe by staying with them when they are at risk of harming themselves.",
    ),
    ("close-observations", "Provide eyes-on supervision of patients in the garden."),
    ("close-observations", "Take a turn on the observation rota like other ward staff."),
    ("medication", "Make sure service users have taken their tablets before they leave."),
    ("medication", "Count and record tablets in the residents' blister packs."),
    ("medication", "Help out on the meds trolley."),
    ("restraint", "Help colleagues to safely hold and move patients who are violent."),
    ("restraint", "Support the team with de-escalation, breakaway and restraint when needed."),
    ("staff-shortages", "Help the ward out when it is understaffed."),
    ("staff-shortages", "You'll be used flexibly across the service to plug gaps."),
    ("staff-shortages", "Cover reception during staff holidays."),
    ("clerical-domestic", "Chase up missing paperwork and send letters to GPs."),
    ("clerical-domestic", "Make tea and coffee for visitors and staff meetings."),
    ("personal-care", "Help people get washed and dressed."),
    ("other-duties", "And anything else the manager asks of you."),
    ("escorting", "Be the second staff member on escorts to the community."),
    ("clinical-tasks", "Assess people's risk at each visit and record it."),
    ("clinical-direction", "Do whatever the nurse in charge needs on the shift."),
    ("healthcare-experience-essential", "Essential: a background in nursing or social care."),
    ("credentials-essential", "Essential: GCSE English and Maths and an NVQ 2 in care."),
    # Round eleven: specialist services (secure, eating disorders, substance use, perinatal).
    ("restraint", "Carry out pat-down searches of visitors entering the secure unit."),
    ("restraint", "Conduct routine security checks, including key and ligature audits."),
    ("close-observations", "Complete ligature checks and environmental safety rounds."),
    ("physical-health-checks", "Weigh patients weekly and chart their BMI."),
    (
        "mealtimes",
        "Sit with patients during meals and after-meal support to prevent compensatory behaviours.",
    ),
    ("medication", "Observe patients taking their methadone doses at the pharmacy."),
    ("clinical-tasks", "Collect urine samples for drug screening."),
    # Breath tests moved to physical health checks after blind sets 6, 8 and 10, whose readers
    # all put them there; urine drug screens are flagged under both.
    ("physical-health-checks", "Carry out breathalyser tests with clients."),
    ("personal-care", "Help older residents with continence care and mobility."),
    ("escorting", "Transfer patients to the general hospital when needed."),
    ("clinical-tasks", "Complete Edinburgh Postnatal Depression Scale screening with new mothers."),
    ("close-observations", "Monitor mothers and babies on the unit overnight."),
    ("staff-shortages", "You may be rostered onto nights to maintain safe numbers."),
    ("clerical-domestic", "Maintain the ward's stock of toiletries and clothing."),
    ("clinical-direction", "Implement care plans devised by the nursing team."),
    # Round ten: ward abbreviations (MAR, BP, sats, EWS, S17, NIC, HCSW, SVQ, ADLs, AWOL).
    ("medication", "Check MAR charts and report missed doses."),
    ("physical-health-checks", "Record BP, temp and sats on the EWS chart."),
    ("escorting", "Escort pts on S17 leave."),
    ("clinical-direction", "Undertake 1:1s with high-risk pts as directed by the NIC."),
    ("staff-shortages", "Work as an HCSW when the ward is short."),
    ("restraint", "Attend AWOL searches and assist security."),
    ("clinical-tasks", "Complete CPA paperwork and update RiO care plans."),
    ("healthcare-experience-essential", "Essential: previous HCSW experience."),
    ("credentials-essential", "Essential: SVQ 3 Health and Social Care."),
    ("staff-shortages", "Be available to fill in on other wards at short notice."),
    ("medication", "Support service users with medication concordance."),
    (
        "mealtimes",
        "Ensure patients have their breakfast and record intake on fluid balance charts.",
    ),
    ("personal-care", "Support people with ADLs."),
    ("clerical-domestic", "Update the whiteboard and answer the ward phone."),
    # Round eight: duties written as nouns and in the passive.
    ("close-observations", "Patients on observations will be allocated to you during the shift."),
    ("close-observations", "Observation duties will form part of the role."),
    ("close-observations", "You will be expected to be included on the observation rota."),
    ("physical-health-checks", "The role involves taking routine physical observations."),
    (
        "physical-health-checks",
        "Physical health checks, including ECGs, form part of the clinic's work and you will assist.",
    ),
    ("restraint", "Involvement in restrictive practice may occasionally be required."),
    ("restraint", "You will be trained in and expected to use control and restraint techniques."),
    ("medication", "Medication prompting will be required for some clients."),
    (
        "medication",
        "The postholder may be asked to collect prescriptions and deliver them to clients.",
    ),
    ("mealtimes", "Meal supervision will be part of your daily routine."),
    ("escorting", "Escorting duties for patients on leave."),
    ("clerical-domestic", "A share of the team's administrative duties."),
    ("clerical-domestic", "Laundry and cleaning tasks on the unit."),
    ("staff-shortages", "Cover will be needed when ward staff are on leave."),
    ("staff-shortages", "Shifts may be changed at short notice to meet staffing needs."),
    ("personal-care", "Supporting residents with washing, dressing and eating."),
    ("clinical-tasks", "Risk assessment of service users at each contact."),
    ("clinical-tasks", "Monitoring of clients' mental health and reporting any deterioration."),
    ("other-duties", "Flexibility to undertake other duties as the service requires."),
    ("clinical-direction", "The nurse in charge will direct your work each day."),
    ("sharing-discouraged", "Sharing of personal information with service users is not permitted."),
    # Round seven: the families added for issue 16, in new wordings.
    (
        "sharing-discouraged",
        "In line with Trust policy, staff do not share personal mental health experiences with service users.",
    ),
    (
        "sharing-discouraged",
        "Conversations should focus on the service user; your own experiences are not relevant.",
    ),
    (
        "sharing-discouraged",
        "Maintain clear boundaries by not revealing information about your own life.",
    ),
    ("sharing-discouraged", "Refrain from self-disclosure."),
    ("sharing-discouraged", "Your personal history must remain confidential at work."),
    ("clinical-direction", "Carry out duties as instructed by the ward's registered nurses."),
    ("clinical-direction", "Support the nursing team with tasks as they arise."),
    ("clinical-direction", "Take direction from the shift coordinator on a daily basis."),
    ("clinical-direction", "Undertake clinical and non-clinical duties as directed."),
    (
        "healthcare-experience-essential",
        "Essential: at least two years working in a care or health setting.",
    ),
    (
        "healthcare-experience-essential",
        "Essential: experience as a healthcare support worker or nursing assistant.",
    ),
    (
        "healthcare-experience-essential",
        "Essential: previous experience in an inpatient mental health unit.",
    ),
    (
        "healthcare-experience-essential",
        "You must have worked in a clinical role for at least a year.",
    ),
    (
        "service-use-exclusion",
        "To be eligible, applicants must not have accessed secondary mental health services in the last 18 months.",
    ),
    (
        "service-use-exclusion",
        "People currently under the care of our services cannot be employed in this role.",
    ),
    ("service-use-exclusion", "Applicants should be at least two years post discharge."),
    (
        "service-use-exclusion",
        "We are unable to consider applicants with a diagnosis of a personality disorder.",
    ),
    ("service-use-exclusion", "Applicants must have been stable on medication for a year."),
    ("caseload-by-others", "The MDT will decide which service users are offered peer support."),
    (
        "caseload-by-others",
        "Your caseload will be agreed by the care coordinators at the weekly allocation meeting.",
    ),
    ("caseload-by-others", "Referrals will be screened and allocated by the clinical lead."),
    # Round five: formal NHS wording ("The postholder will be responsible for ...").
    (
        "close-observations",
        "The postholder will be responsible for undertaking supportive observations in line with the clinical plan.",
    ),
    ("close-observations", "Engage with patients requiring increased levels of observation."),
    ("close-observations", "Remain with patients who are on constant supervision."),
    (
        "physical-health-checks",
        "Assist with physical health monitoring, including BMI and waist circumference.",
    ),
    ("physical-health-checks", "Obtain and record physical observations (BP, pulse, temperature)."),
    (
        "restraint",
        "Be part of the team responding to emergencies on the unit, including the use of approved holds.",
    ),
    ("restraint", "Assist in the seclusion of patients when required."),
    ("restraint", "Carry out searches of patients' property in line with policy."),
    ("medication", "Will be responsible for the safe storage of medication in the house."),
    ("medication", "Ensure that residents take their medication as prescribed."),
    ("medication", "Act as second checker for controlled drugs."),
    ("medication", "Support with medicines rounds on the ward."),
    ("mealtimes", "Assist with the supervision of meals in the dining room."),
    ("mealtimes", "Monitor patients' eating at mealtimes and complete food records."),
    ("escorting", "Escort service users to and from appointments off site."),
    ("escorting", "Accompany detained patients on leave."),
    (
        "clerical-domestic",
        "Provide administrative support to the team, including typing letters and filing.",
    ),
    ("clerical-domestic", "Take minutes at the weekly team meeting."),
    ("clerical-domestic", "Book rooms and order refreshments for meetings."),
    ("clerical-domestic", "Cover the reception desk."),
    (
        "staff-shortages",
        "Be prepared to be redeployed to other areas to maintain safe staffing levels.",
    ),
    ("staff-shortages", "You may be asked to work additional hours to cover gaps in staffing."),
    ("staff-shortages", "Provide cover for healthcare assistants during periods of sickness."),
    (
        "personal-care",
        "Provide assistance with personal care, including washing, dressing and continence care.",
    ),
    ("personal-care", "Support people with household tasks such as cleaning and laundry."),
    ("clinical-tasks", "Carry out initial screening assessments for referrals to the service."),
    ("clinical-tasks", "Contribute to risk assessments and safety planning for each patient."),
    ("clinical-tasks", "Hold a caseload as care coordinator."),
    (
        "other-duties",
        "The postholder will undertake other duties as reasonably requested by their line manager.",
    ),
    ("other-duties", "This job description is not exhaustive and other duties may be required."),
    ("clinical-direction", "Tasks will be allocated daily by the shift leader."),
    ("clinical-direction", "Carry out any tasks assigned by the multi-disciplinary team."),
    (
        "sharing-discouraged",
        "Peer workers are reminded that self-disclosure is not appropriate in a professional role.",
    ),
    ("sharing-discouraged", "Do not talk about your own mental health with patients."),
    ("sharing-discouraged", "It is important that you keep your personal history to yourself."),
    ("caseload-by-others", "The peer worker's caseload will be determined by the consultant."),
    (
        "caseload-by-others",
        "People will be referred and allocated to you by the team manager according to clinical priority.",
    ),
    (
        "service-use-exclusion",
        "Candidates must not have received treatment from mental health services within the past two years.",
    ),
    ("service-use-exclusion", "You must be at least 12 months post discharge from services."),
    ("service-use-exclusion", "Applicants with a history of psychosis will not be considered."),
    (
        "healthcare-experience-essential",
        "Essential: demonstrable experience of working in a healthcare setting.",
    ),
    (
        "healthcare-experience-essential",
        "Essential: previous experience as a support worker in mental health.",
    ),
    (
        "healthcare-experience-essential",
        "Essential criteria: experience of caring for people in a hospital.",
    ),
    ("credentials-essential", "Essential: educated to degree level."),
    ("credentials-essential", "Essential: Level 3 Diploma in Health and Social Care."),
    ("credentials-essential", "Essential: current first aid at work certificate."),
    # Round four: whole adverts of our own, read sentence by sentence.
    (
        "sharing-discouraged",
        "Staff should not disclose personal information about their own health to patients.",
    ),
    (
        "caseload-by-others",
        "You will be matched with people by our Hospital Discharge Coordinator.",
    ),
    (
        "service-use-exclusion",
        "We ask that mentors have been free of inpatient care for at least a year.",
    ),
    (
        "staff-shortages",
        "Deliver parcels to people's homes when the team's pharmacy runner is unavailable.",
    ),
    (
        "clinical-tasks",
        "Report any concerns about a patient's mental state to the registered nurse.",
    ),
    ("close-observations", "Undertake 15-minute checks on patients throughout the night shift."),
    ("close-observations", "Remain within arm's reach of service users who are on level 3."),
    (
        "close-observations",
        "Keep a watchful eye on residents in the lounge and report any concerns.",
    ),
    ("close-observations", "Carry out hourly safety checks of the bedroom corridor."),
    ("close-observations", "You will be asked to special patients who are at high risk."),
    ("close-observations", "Provide enhanced support to patients requiring one-to-one nursing."),
    ("close-observations", "Check on each resident every thirty minutes during the night."),
    ("close-observations", "Maintain line-of-sight supervision of young people in communal areas."),
    ("close-observations", "Complete obs charts for patients on the ward."),
    (
        "close-observations",
        "Undertake observations of patients in line with the Trust's observation and engagement policy.",
    ),
    ("close-observations", "Be allocated to observe patients on a one-to-one basis."),
    (
        "close-observations",
        "Conduct regular room checks during the night shift to ensure residents are safe.",
    ),
    ("close-observations", "Monitor the whereabouts of young people on the unit."),
    ("physical-health-checks", "Record clients' weight and blood pressure at each visit."),
    ("physical-health-checks", "Monitor the temperature and pulse of residents each morning."),
    ("physical-health-checks", "Complete NEWS2 observations for new admissions."),
    ("physical-health-checks", "Take bloods from service users on the ward when needed."),
    ("physical-health-checks", "Do routine physicals, including weighing and measuring people."),
    ("physical-health-checks", "Check patients' blood sugar levels before meals."),
    ("physical-health-checks", "Perform ECGs for clients on antipsychotic medication."),
    (
        "physical-health-checks",
        "Support the physical health team by recording weights and blood pressures.",
    ),
    (
        "physical-health-checks",
        "Carry out annual health checks for people with serious mental illness.",
    ),
    ("physical-health-checks", "Check vital signs and escalate concerns to the nurse."),
    ("restraint", "Be part of the ward's emergency response team and attend alarm calls."),
    ("restraint", "Assist colleagues with holding a patient during an incident."),
    ("restraint", "Complete PMVA training and take part in physical interventions."),
    ("restraint", "Search patients' belongings on their return from leave."),
    (
        "restraint",
        "Respond to incidents on the ward, using breakaway and holding techniques where necessary.",
    ),
    ("restraint", "Take part in seclusion reviews and room searches."),
    (
        "restraint",
        "Participate in the management of disturbed behaviour, including restrictive interventions.",
    ),
    ("restraint", "Assist with searching patients and their rooms for contraband."),
    ("restraint", "Be trained in and use de-escalation and physical restraint techniques."),
    ("medication", "Hand out medication to residents at breakfast."),
    ("medication", "Give out meds on the evening round alongside the nurse."),
    ("medication", "Remind clients to take their tablets and record whether they did."),
    ("medication", "Witness controlled drug administration as the second signatory."),
    ("medication", "Support the nurse with the lunchtime drug round."),
    ("medication", "Administer PRN medication under supervision."),
    ("medication", "Check that clients have taken their prescribed medicines."),
    ("medication", "Collect and deliver prescriptions to clients' homes."),
    ("medication", "Assist in the depot clinic."),
    ("medication", "Administer medicines under the supervision of a registered nurse."),
    ("medication", "Support the community team with depot administration."),
    ("medication", "Deliver medication to clients' homes and check they have taken it."),
    ("medication", "Prompt service users to take their prescribed medication."),
    ("mealtimes", "Supervise patients in the dining room at lunch."),
    ("mealtimes", "Serve breakfast and clear away afterwards."),
    ("mealtimes", "Record what patients eat on the food charts."),
    ("mealtimes", "Oversee lunch in the dining area."),
    ("mealtimes", "Help to serve the evening meal on the ward."),
    ("mealtimes", "Monitor the food and fluid intake of patients."),
    ("mealtimes", "Supervise the dining room during lunch and tea."),
    ("mealtimes", "Serve meals to patients and record their intake."),
    ("escorting", "Escort patients on Section 17 leave to the local shops."),
    ("escorting", "Take patients to their Mental Health Tribunal hearings."),
    ("escorting", "Accompany service users on transfers to other hospitals."),
    ("escorting", "Act as an escort for patients attending outpatient appointments."),
    ("escorting", "Transport patients between hospital sites."),
    ("escorting", "Provide escorts for patients going to court."),
    ("escorting", "Accompany patients on escorted leave in the hospital grounds."),
    ("clerical-domestic", "Book taxis for service users going home."),
    ("clerical-domestic", "Answer the phone and take messages for the team."),
    ("clerical-domestic", "Type up the minutes of the weekly MDT meeting."),
    ("clerical-domestic", "Clean the kitchen and empty the bins at the end of each day."),
    ("clerical-domestic", "Phone clients the day before to remind them about their appointment."),
    ("clerical-domestic", "Manage the team's shared inbox and diary."),
    ("clerical-domestic", "Greet visitors at the front desk and sign them in."),
    ("clerical-domestic", "Keep the ward's notice boards up to date and restock leaflets."),
    ("clerical-domestic", "Scan and file referral letters."),
    ("clerical-domestic", "Undertake general administrative tasks for the ward."),
    ("clerical-domestic", "Answer the telephone and pass on messages."),
    ("clerical-domestic", "Order stationery and keep the office tidy."),
    ("clerical-domestic", "Photocopy and file clinic paperwork."),
    ("staff-shortages", "You may be asked to work on other wards when they are short-staffed."),
    ("staff-shortages", "Cover for the HCA when they are on annual leave."),
    ("staff-shortages", "The postholder will be included in the ward's safe staffing numbers."),
    ("staff-shortages", "Step in to support the nursing team when staffing is low."),
    ("staff-shortages", "Pick up bank shifts when the ward is under pressure."),
    ("staff-shortages", "You will help out on the ward when a colleague phones in sick."),
    ("staff-shortages", "Be flexible to support the service when there are gaps in the rota."),
    ("staff-shortages", "The postholder will count towards the minimum staffing level."),
    ("staff-shortages", "Work as part of the nursing numbers on a shift."),
    ("staff-shortages", "Help cover staff breaks on the ward."),
    ("staff-shortages", "The peer worker will be counted in the ward establishment."),
    ("staff-shortages", "Work flexibly to cover the rota when colleagues are off sick."),
    ("staff-shortages", "When the team is short-handed you will support with duty calls."),
    ("personal-care", "Help residents to wash and dress in the mornings."),
    ("personal-care", "Assist patients with showering and toileting where needed."),
    ("personal-care", "Support service users with their personal hygiene and laundry."),
    ("personal-care", "Support clients with shopping, cooking and cleaning their flats."),
    ("personal-care", "Provide personal care to residents as part of the care team."),
    ("personal-care", "Assist residents with dressing and personal care."),
    ("personal-care", "Help patients with their daily living tasks such as washing and shaving."),
    ("clinical-tasks", "Complete risk assessments for each new referral."),
    ("clinical-tasks", "Carry out triage of incoming referrals."),
    (
        "clinical-tasks",
        "Monitor service users' mental state and report changes to the care coordinator.",
    ),
    ("clinical-tasks", "Update care plans after each review."),
    ("clinical-tasks", "Conduct initial assessments of people referred to the service."),
    ("clinical-tasks", "Write risk management plans for each client."),
    ("clinical-tasks", "Act as care co-ordinator for a small caseload."),
    ("clinical-tasks", "Complete risk assessments and contribute to care planning."),
    ("clinical-tasks", "Administer outcome measures such as the PHQ-9 at each session."),
    ("clinical-tasks", "Carry out mental state examinations."),
    ("other-duties", "Undertake any other duties as required by the manager."),
    ("other-duties", "Carry out any other reasonable requests from the team."),
    ("other-duties", "Other tasks commensurate with the grade of the post."),
    ("other-duties", "Any other ad hoc tasks requested by senior staff."),
    ("other-duties", "Perform additional duties as needed by the service."),
    ("other-duties", "Any other duties appropriate to the grade."),
    ("other-duties", "Undertake such other tasks as may be required from time to time."),
    ("clinical-direction", "Carry out tasks delegated by the registered nurse."),
    ("clinical-direction", "Work under the direction of the nurse in charge on each shift."),
    ("clinical-direction", "The NIC will allocate your tasks at the start of each shift."),
    ("clinical-direction", "Take instructions from the consultant psychiatrist."),
    ("clinical-direction", "Follow instructions from registered nurses on each shift."),
    ("clinical-direction", "Undertake duties delegated to you by qualified staff."),
    ("clinical-direction", "Work to the direction of the multidisciplinary team."),
    ("clinical-direction", "Work under the direction of a registered practitioner at all times."),
    ("clinical-direction", "Carry out delegated tasks from the ward's qualified nurses."),
    ("clinical-direction", "Respond to requests from the nurse in charge."),
    (
        "sharing-discouraged",
        "Staff should not disclose their own mental health history to patients.",
    ),
    (
        "sharing-discouraged",
        "Talking about your own diagnosis with service users is not appropriate.",
    ),
    ("sharing-discouraged", "Employees are not permitted to share personal details with clients."),
    ("sharing-discouraged", "Do not tell patients about your personal experiences."),
    ("sharing-discouraged", "Self-disclosure is not permitted in this service."),
    (
        "sharing-discouraged",
        "You must keep your private life separate and not disclose your own health history.",
    ),
    (
        "sharing-discouraged",
        "Workers should refrain from discussing their own mental health with clients.",
    ),
    ("sharing-discouraged", "Disclosing your own experiences to patients is prohibited."),
    (
        "sharing-discouraged",
        "Staff are expected to maintain professional boundaries and must not share details of their own lives with patients.",
    ),
    ("sharing-discouraged", "You should avoid disclosing your own mental health history."),
    (
        "sharing-discouraged",
        "Employees must never discuss their personal circumstances with service users.",
    ),
    ("caseload-by-others", "Referrals to the peer worker will be chosen by the ward manager."),
    ("caseload-by-others", "The consultant will decide which patients you work with."),
    (
        "caseload-by-others",
        "Clients will be allocated to you by the duty worker according to risk.",
    ),
    (
        "caseload-by-others",
        "The team leader will assign clients to you based on clinical priority.",
    ),
    ("caseload-by-others", "Your caseload will be set by the care coordinators."),
    ("caseload-by-others", "Patients will be allocated to the peer worker by the ward manager."),
    ("caseload-by-others", "The care coordinator will select which clients are referred to you."),
    (
        "service-use-exclusion",
        "Candidates must not have had an inpatient admission in the last two years.",
    ),
    ("service-use-exclusion", "Applicants must have been well for at least 18 months."),
    (
        "service-use-exclusion",
        "We cannot accept applications from people currently receiving treatment from our services.",
    ),
    (
        "service-use-exclusion",
        "Applicants must not be under the care of a community mental health team.",
    ),
    (
        "service-use-exclusion",
        "Applicants must have been discharged from services for a minimum of two years.",
    ),
    (
        "service-use-exclusion",
        "People with a diagnosis of personality disorder will not be considered.",
    ),
    (
        "service-use-exclusion",
        "Candidates should not have used secondary mental health services in the past 12 months.",
    ),
    ("service-use-exclusion", "Applicants must have been out of hospital for at least two years."),
    (
        "service-use-exclusion",
        "Candidates who have been inpatients within the last year will not be shortlisted.",
    ),
    ("service-use-exclusion", "Applicants with a diagnosis of psychosis are not eligible."),
    (
        "healthcare-experience-essential",
        "Essential: at least six months' experience as a care assistant.",
    ),
    ("healthcare-experience-essential", "Essential: previous work in a hospital or nursing home."),
    ("healthcare-experience-essential", "Essential: two years' NHS experience."),
    (
        "healthcare-experience-essential",
        "You must have experience of working in a mental health ward.",
    ),
    ("healthcare-experience-essential", "Essential: experience in a clinical environment."),
    (
        "healthcare-experience-essential",
        "Essential: recent experience in a healthcare support role.",
    ),
    (
        "healthcare-experience-essential",
        "Essential: experience of working with people in a residential care home.",
    ),
    ("healthcare-experience-essential", "You must have previously worked as an HCA."),
    (
        "healthcare-experience-essential",
        "Essential: experience of working as a healthcare assistant.",
    ),
    ("healthcare-experience-essential", "Essential: previous employment in a care setting."),
    (
        "healthcare-experience-essential",
        "Essential: 12 months' experience in an NHS mental health setting.",
    ),
    ("credentials-essential", "Essential: NVQ Level 3 in Health and Social Care."),
    ("credentials-essential", "Essential: a recognised first aid certificate."),
    ("credentials-essential", "Essential: a degree in psychology or a related subject."),
    ("credentials-essential", "Essential: Care Certificate or equivalent."),
    ("credentials-essential", "Essential: Level 3 qualification in health and social care."),
    ("credentials-essential", "Essential: qualified in phlebotomy."),
    ("credentials-essential", "Essential: registered mental health nurse."),
    ("credentials-essential", "Essential: BTEC or NVQ in care."),
    # Round nineteen, from blind_16's misses, in our own words: scales and checklists,
    # clinic diaries and stock, travel in transport, redeployment, dotted-leader criteria.
    ("clinical-tasks", "Complete the Beck depression scale with each client every month."),
    ("clinical-tasks", "Administer the structured interview and score its subscales."),
    ("clinical-tasks", "Completion of the risk checklist for each new tenant."),
    ("clinical-tasks", "Fill in the memory checklist with residents after breakfast."),
    ("clinical-tasks", "Screening every young person for suicide risk at each visit."),
    ("clinical-tasks", "Undertaking the initial needs assessment on the first visit."),
    ("clerical-domestic", "Keep the clinic diary up to date."),
    ("clerical-domestic", "Rebooking appointments that patients cancel."),
    ("clerical-domestic", "Ordering consumables for the treatment rooms."),
    ("clerical-domestic", "Stock control of the food store."),
    ("clerical-domestic", "Staffing the front office on Tuesdays."),
    ("clerical-domestic", "Arranging hotel stays for the team when they travel."),
    ("escorting", "Travel with patients in hospital transport on their transfer day."),
    ("escorting", "Bring people who miss their blood test to the clinic."),
    ("staff-shortages", "You may be redeployed to support the admissions ward."),
    ("staff-shortages", "Run the drop-in whenever the youth worker is off sick."),
    ("sharing-discouraged", "It is not appropriate for workers to share their personal history."),
    ("sharing-discouraged", "Staff should refrain from bringing their own health into sessions."),
    (
        "clinical-direction",
        "Follow the instructions of the occupational therapist for each client.",
    ),
    ("medication", "Monitoring patients' adherence to their methadone scripts."),
    (
        "healthcare-experience-essential",
        "Person specification\nCompetent in recording observations .......... Essential",
    ),
    (
        "credentials-essential",
        "Person specification\nCare Certificate .......... Essential",
    ),
    ("credentials-essential", "Essential: Level 1 coaching certificate."),
    # Round twenty, from blind_17's misses, in our own words: bare noun duties of finance,
    # offices and nursing homes; setting-specific watches; sharing left to a nurse.
    ("clerical-domestic", "Processing of expenses claims for the whole team."),
    ("clerical-domestic", "Reconciliation of petty cash statements each month."),
    ("clerical-domestic", "Upkeep of the referrals spreadsheet."),
    ("clerical-domestic", "Monthly data returns to the commissioner."),
    ("clerical-domestic", "Front counter cover at the town hall."),
    ("clerical-domestic", "Scanning letters onto the records system."),
    ("clerical-domestic", "Booking deep cleans of empty flats."),
    ("clerical-domestic", "The morning drinks round on the unit."),
    ("clerical-domestic", "Updating the stock sheet and shelving donations."),
    ("clinical-tasks", "Review of care and treatment plans every six months."),
    ("clinical-tasks", "Vulnerability assessments for each new tenant."),
    ("clinical-tasks", "Phoning people on the waiting list to check for deterioration."),
    ("clinical-tasks", "AUDIT-C screening on the admissions ward."),
    ("close-observations", "Bay watch on the respiratory ward overnight."),
    ("close-observations", "Fifteen-minute obs when the care plan says so."),
    ("close-observations", "30 minute observations of new admissions."),
    ("escorting", "Accompany patients who need admission to the mainland hospital."),
    ("escorting", "Escort clients flying to the regional unit."),
    ("sharing-discouraged", "Personal experience may be shared only if the charge nurse agrees."),
    ("sharing-discouraged", "Self-disclosure of your own history is not encouraged."),
    ("staff-shortages", "Released to ward HCA duties at OPEL 4."),
    ("staff-shortages", "When an outreach officer is on leave, pick up their visits."),
    ("staff-shortages", "Run the session yourself if volunteers drop out."),
    ("service-use-exclusion", "Essential: no current involvement with mental health services."),
    ("physical-health-checks", "Wound checks for people who inject."),
    ("physical-health-checks", "Weekly weights for residents on the nutrition list."),
    ("physical-health-checks", "MUST scores for all residents."),
    ("medication", "Discharge medication collection from the pharmacy."),
    # Round twenty-one, from blind_18's misses, in our own words.
    ("caseload-by-others", "Clients are referred to you on the basis of assessed risk."),
    ("caseload-by-others", "New referrals are allocated at the weekly huddle."),
    ("caseload-by-others", "Run wellbeing sessions for staff flagged by their managers."),
    ("sharing-discouraged", "Questions about your own history should be redirected to the group."),
    ("sharing-discouraged", "Your personal story is not a topic for discussion with clients."),
    ("escorting", "Ride in the vehicle with the patient to the emergency department."),
    ("clinical-direction", "Tasking by the control room clinician."),
    ("clerical-domestic", "Return of equipment and consumables to stores."),
    ("clerical-domestic", "Sending out leaflets and mailings to partners."),
    ("clerical-domestic", "Residents' laundry on the daily rota."),
    ("clerical-domestic", "Handle the helpline phones in the afternoons."),
    ("credentials-essential", "Essential: FREC 4 or an equivalent ambulance qualification."),
    ("credentials-essential", "Essential: IDVA qualification."),
    ("clinical-tasks", "Coordination of each young person's support plan across agencies."),
    ("clinical-tasks", "Pathway plan reviews for every care leaver."),
    ("clinical-tasks", "Administration and scoring of the anxiety questionnaires."),
    ("clinical-tasks", "Completion of the outcomes profile at each review."),
    ("personal-care", "Morning calls: showering, dressing and continence support."),
    ("clinical-tasks", "Oral fluid testing for everyone on a script."),
    ("physical-health-checks", "Dried blood spot tests for hepatitis C."),
    # Round twenty-two, from blind_19's misses (physical-health services), in our own words.
    ("medication", "Reminders to patients about their inhalers."),
    ("medication", "Issuing contraceptive pills at the walk-in clinic."),
    ("escorting", "Accompaniment of patients to the main hospital for scans."),
    ("staff-shortages", "Support the healthcare assistant during sickness and leave."),
    ("staff-shortages", "Deployment to the ward rota during periods of low staffing."),
    ("staff-shortages", "Staff the desk whenever the team is below complement."),
    ("clerical-domestic", "Meeting and greeting patients and booking them in."),
    ("clerical-domestic", "Cashing up the shop till at closing time."),
    ("physical-health-checks", "Point-of-care HIV tests for walk-in attenders."),
    ("physical-health-checks", "Urine dipsticks for every new patient."),
    ("physical-health-checks", "Collection of home spirometry readings."),
    ("clinical-tasks", "Completing the safeguarding proforma with every under-18."),
    ("clinical-tasks", "Administration of the mood screen on day seven."),
    ("clinical-tasks", "A mental state screen of any crew member reported unwell."),
    ("personal-care", "Acting as chaperone for intimate examinations."),
    ("personal-care", "Repositioning patients every two hours."),
    ("personal-care", "Assistance with showering after dressing changes."),
    ("healthcare-experience-essential", "Essential: experience of hands-on patient care."),
    ("clinical-direction", "Tasks as delegated by the allocated social worker."),
    ("other-duties", "The post holder will carry out other tasks as directed by the manager."),
    # Round twenty-three, from blind_20's misses (the settings that employ most peer workers).
    ("clerical-domestic", "Weekly stock rotation in the clinical store."),
    ("clerical-domestic", "Clearing down the group room after sessions."),
    ("clerical-domestic", "Bed-finding calls to out-of-area providers."),
    ("staff-shortages", "When the rota is short, answer the duty line."),
    ("staff-shortages", "Help out when there is a nursing shortfall."),
    ("staff-shortages", "Sleep-in shifts one night a week."),
    ("staff-shortages", "Cover at our other projects when required."),
    (
        "medication",
        "Phone people newly started on lithium to check they are taking it as prescribed.",
    ),
    ("clinical-tasks", "Monitor adherence to conditions of discharge."),
    ("clinical-tasks", "Risk assessments and reviews every three months."),
    ("close-observations", "Completion of the obs record for each patient."),
    ("close-observations", "Take a general observation slot when the ward is busy."),
    ("escorting", "Act as the accompanying staff member on section 17 trips."),
    # Round twenty-four, from blind_21's misses, in our own words.
    ("clinical-tasks", "A mental state summary in the notes after each shift."),
    ("clinical-tasks", "Feeding back on presentation at the ward round."),
    ("clinical-tasks", "Welfare calls to people assessed as high risk."),
    ("clinical-tasks", "Report any increase in risk to the care coordinator."),
    ("clinical-tasks", "Updating risk documentation for your patients."),
    ("clinical-tasks", "Record mood and bonding observations at the end of the shift."),
    ("medication", "Delivery of daily medication to people at home."),
    ("medication", "Support supervised dispensing at the pharmacy."),
    ("staff-shortages", "Contribute to minimum numbers on the late shift."),
    ("clinical-direction", "Your work plan will be prioritised by the psychologist."),
    ("clinical-direction", "At handover the shift lead tells you which tasks to do."),
    ("caseload-by-others", "At handover the shift lead decides which patients you see."),
    ("personal-care", "Night feeds for babies so mothers can sleep."),
    ("mealtimes", "Attend the supported lunch twice a week."),
    # Round twenty-five, from blind_22's misses, in our own words.
    ("staff-shortages", "You will be counted on the rota alongside the HCAs."),
    ("staff-shortages", "Day-to-day work as a member of the shift."),
    ("staff-shortages", "The role sits within the nursing establishment."),
    ("clinical-tasks", "Act as interim care coordinator while the post is vacant."),
    ("clinical-tasks", "Completion of the liaison referral screening."),
    ("clerical-domestic", "Airlock duties and signing keys in and out."),
    ("clerical-domestic", "Answer the buzzer at the front door."),
    ("clerical-domestic", "Linen changes and the weekly stock order."),
    ("mealtimes", "Cutlery counts at the end of each meal."),
    ("caseload-by-others", "Referrals taken at the discretion of the consultant."),
    ("clinical-direction", "Day-to-day direction: the nurse in charge."),
    ("personal-care", "Baby care in the nursery overnight."),
    ("close-observations", "Supervised contact between mothers and babies."),
    ("service-use-exclusion", "Essential: not currently in receipt of treatment from any service."),
    ("service-use-exclusion", "Essential: a minimum of two years' abstinence."),
    ("healthcare-experience-essential", "Essential: experience of caring for newborn babies."),
    # Round twenty-six, from blind_23's misses, in our own words.
    ("close-observations", "General and intermittent obs on the early shift."),
    ("service-use-exclusion", "Essential: no previous admission to a psychiatric unit."),
    ("clinical-tasks", "Feeding back changes in presentation to the nurse."),
    ("clinical-direction", "Day-to-day priorities will be set by the charge nurse."),
    ("clinical-direction", "Allocation of work will be made by the nurse in charge."),
    # Round twenty-seven, from blind_24's misses, in our own words.
    ("clinical-tasks", "Monitoring each young person's presentation between sessions."),
    ("clinical-tasks", "Feed back any change in risk to the keyworker."),
    ("clinical-tasks", "Comprehensive assessments for new referrals."),
    ("clinical-tasks", "Care coordination for a small caseload."),
    ("clinical-tasks", "Support nurses with nasogastric feeds."),
    ("sharing-discouraged", "Disclosure of your own history is not appropriate here."),
    ("clerical-domestic", "The weekly stores order."),
    ("close-observations", "Patients must not be left alone while they wait."),
    ("close-observations", "Bathroom checks after meals."),
    ("medication", "Check that patients newly started on antidepressants are taking them."),
    (
        "healthcare-experience-essential",
        "Essential: at least 12 months in a GP surgery or NHS setting.",
    ),
    # Round twenty-eight, from blind_25's misses, in our own words.
    ("restraint", "Use of approved RRT techniques when de-escalation fails."),
    ("service-use-exclusion", "Essential: no history of admission to hospital."),
    ("clinical-tasks", "Waiting list calls to check how families are coping."),
    (
        "healthcare-experience-essential",
        "Essential: experience of keyworking in a treatment service.",
    ),
    ("clerical-domestic", "The monthly health and safety walk-round."),
    ("close-observations", "Completing the ACCT logs at the set frequency."),
    # Office work named as a noun and its object, in any pairing of the two vocabularies.
    ("clerical-domestic", "Upkeep of the team spreadsheet."),
    ("clerical-domestic", "Handling petty cash and timesheets."),
    ("clerical-domestic", "Chasing purchase orders with suppliers."),
    # blind_26: someone's absence is the condition of a task, not its negation.
    ("staff-shortages", "Sit with patients in the lounge when the support workers are not around."),
    ("clerical-domestic", "Cover the front desk when the receptionist is not available."),
    ("staff-shortages", "Help with the breakfast round where the day staff are stretched."),
    ("staff-shortages", "Run the front desk on mornings the team secretary is off."),
    ("close-observations", "Keep continuous visual contact with the young person on the ward."),
    ("restraint", "Help the team prevent a detained patient from leaving the unit."),
    ("restraint", "Support officers with a search of the person where needed."),
    ("clerical-domestic", "Appointment letters for the psychology clinic."),
    ("clerical-domestic", "Picking up clinical admin for the team."),
    ("clerical-domestic", "Keep the team's waiting list up to date."),
    ("clerical-domestic", "Complete the incident log at the end of each shift."),
    (
        "service-use-exclusion",
        "Those with a history of admission to secure hospitals will not be considered.",
    ),
    ("caseload-by-others", "The GP will decide which patients are right for the peer worker."),
    # blind_27
    ("medication", "Bring patients to the clinic room at meds times."),
    ("medication", "Reporting refusals to the nurse in charge."),
    ("mealtimes", "Keep the nutrition log for the unit."),
    ("clinical-tasks", "Complete the Life Skills Profile with each resident every quarter."),
    ("clinical-direction", "Your work is prioritised by the nurse on duty each morning."),
    ("clinical-direction", "Help out on the wards at the request of the bleep holder."),
    ("close-observations", "Keep constant sight of the patient until the doctor arrives."),
    ("staff-shortages", "Move between units to ease staffing pressures."),
    ("staff-shortages", "Help on the neighbouring ward when your own is quiet."),
    (
        "healthcare-experience-essential",
        "Essential: experience in physical health observations on a ward.",
    ),
    ("healthcare-experience-essential", "Essential: experience of medication administration."),
    # blind_28
    ("clinical-direction", "Tasks are allocated at handover each morning."),
    ("clinical-direction", "Assist the registered nurses in the clinic as directed."),
    (
        "sharing-discouraged",
        "Any disclosure of your own history must be approved in advance by the consultant.",
    ),
    ("clinical-tasks", "Monitor adherence to the conditions of a conditional discharge."),
    ("clinical-tasks", "Act as named contact for a colleague's caseload."),
    ("staff-shortages", "Screen new patients when the liaison nurses are at capacity."),
    ("restraint", "Take part in the therapeutic management of aggression."),
    ("medication", "Carry out self-medication checks twice a day."),
    ("staff-shortages", "You will work as part of the rota to cover the support hours."),
    (
        "healthcare-experience-essential",
        "Essential: 12 months' experience working in drug and alcohol treatment services.",
    ),
    # blind_29
    ("clerical-domestic", "Take responsibility for the ward telephone and the visitors' book."),
    ("clerical-domestic", "Log each call on the crisis line spreadsheet."),
    (
        "close-observations",
        "Undertaking bathroom supervision for patients on enhanced support plans.",
    ),
    ("close-observations", "Sit with young people who need continuous supervision at home."),
    (
        "close-observations",
        "Intermittent observations in line with the Trust's Observation Policy.",
    ),
    ("caseload-by-others", "Work through the list of people the consultant asks the team to see."),
    ("clinical-tasks", "Fill in the outcome tool for each person every quarter."),
    ("medication", "Check that the young person has taken their medication."),
    # a nurse escort not being needed is the condition of the task, not its negation
    (
        "escorting",
        "Accompany patients to clinic appointments when a nurse escort is not required.",
    ),
    # blind_30
    ("other-duties", "To undertake any reasonable duties requested by the ward manager."),
    ("clinical-tasks", "Contribute to the initial screening of new guests."),
    ("clinical-tasks", "Use the risk assessment proforma with each guest."),
    (
        "healthcare-experience-essential",
        "Essential: experience of carrying out physical observations.",
    ),
    ("sharing-discouraged", "Peer workers are advised to keep their own history to a minimum."),
    ("clerical-domestic", "Greet visitors and keep the arrivals log."),
    ("clinical-direction", "To be allocated to patients by the nurse in charge each shift."),
    ("staff-shortages", "You will be part of the ward's healthcare support workforce."),
    # blind_31
    (
        "sharing-discouraged",
        "Your personal circumstances should not form part of conversations with patients.",
    ),
    ("restraint", "Assist with the checking of patient property on admission."),
    (
        "clinical-tasks",
        "Complete daily entries on the record about each patient's engagement, mood and risk.",
    ),
    ("medication", "Make sure thickened fluids are given at the right times."),
    ("clerical-domestic", "Manage patients' property and valuables and keep the property lists."),
    ("clerical-domestic", "Make sure agreements are signed and scanned onto the system."),
    ("clerical-domestic", "Help the education staff prepare classrooms."),
    ("staff-shortages", "Cover the night checks when the team is one person down."),
    ("escorting", "Provide staff accompaniment for young people at outpatient appointments."),
    # blind_32
    ("staff-shortages", "When call volumes are high you will be moved onto the general queue."),
    ("staff-shortages", "You will form part of the core shift team."),
    ("close-observations", "Provide enhanced supervision of patients at risk of absconding."),
    ("close-observations", "Maintain sight of the young person until the doctor arrives."),
    ("mealtimes", "Complete the meal completion record after each supported meal."),
    ("escorting", "Accompany patients on therapeutic outings to the shops."),
    (
        "medication",
        "Phone families to find out whether medication is being taken as prescribed.",
    ),
    # blind_33 to blind_35
    ("clerical-domestic", "Produce the monthly call statistics for funders."),
    ("clerical-domestic", "Label specimens and arrange courier collection to the lab."),
    ("escorting", "Travel with the young person to the adolescent unit after a decision to admit."),
    ("caseload-by-others", "Your visits will be allocated by the team leader each morning."),
    # blind_36 and blind_37
    (
        "restraint",
        "Helping colleagues with the safe management of aggression, including holds.",
    ),
    ("restraint", "Room checks for contraband after visiting time."),
    ("close-observations", "Two-hourly welfare checks on tenants overnight."),
    (
        "sharing-discouraged",
        "Staff are not expected to disclose details of their own mental health history.",
    ),
    (
        "sharing-discouraged",
        "Any mention of your own diagnosis to clients is not seen as appropriate.",
    ),
    (
        "sharing-discouraged",
        "Any sharing of your own story has to be agreed in advance with the manager.",
    ),
    (
        "service-use-exclusion",
        "Essential: must not have been a psychiatric inpatient in the past year.",
    ),
    ("clinical-tasks", "Phone people to check on their mental state once they are home."),
    ("medication", "Check on each visit whether the person has taken their tablets."),
    ("staff-shortages", "Run the groups of residents whose keyworker is off sick."),
    ("caseload-by-others", "Tenants on your support list will be assigned by the scheme manager."),
    (
        "clinical-direction",
        "Tasks vary from shift to shift and will be delegated by the charge nurse at handover.",
    ),
    ("clinical-direction", "Reports to: Ward Manager. Daily tasks are set by the nurse in charge."),
    # blind_38 and blind_39
    ("medication", "Handing residents their night-time tablets once the nurse has checked them."),
    ("medication", "Checking that patients have swallowed their PRN."),
    ("close-observations", "Do the hourly checks of everyone in the quiet lounge."),
    ("close-observations", "Sit with the person in the assessment room until relieved."),
    ("mealtimes", "Collect the lunch trays and note how much each patient has eaten."),
    ("personal-care", "Providing assistance to residents with washing and getting dressed."),
    ("staff-shortages", "Being counted as one of the nursing staff on each shift."),
    (
        "staff-shortages",
        "Cover the HCA post on shifts where agency staff are not available.",
    ),
    ("clinical-tasks", "Completing clients' NDTMS reviews each quarter."),
    # blind_44 and blind_45
    ("sharing-discouraged", "Make sure no personal information about staff is disclosed."),
    ("sharing-discouraged", "Personal information about you is not to be disclosed to patients."),
    ("restraint", "Checks of residents' rooms and belongings after leave."),
    ("restraint", "Take part in the safety intervention procedures, including holds."),
    ("close-observations", "Alert security if a patient attempts to leave the room."),
    ("staff-shortages", "Take calls from the general queue at times of high call volume."),
    ("staff-shortages", "You may be asked to work on other wards to meet service need."),
    ("clinical-direction", "Take on tasks agreed with the nurse in charge at handover."),
    ("mealtimes", "Supervise residents during the preparation and consumption of meals."),
    (
        "medication",
        "Give medication from blister packs to residents who are not yet self-medicating.",
    ),
    # blind_42 and blind_43
    (
        "close-observations",
        "Hourly welfare checks at night when there are not enough staff on shift.",
    ),
    (
        "sharing-discouraged",
        "It is not appropriate for staff to talk about their own health with patients.",
    ),
    ("close-observations", "Sit with patients on enhanced support in the waiting area."),
    ("clerical-domestic", "Input data on the patient system each afternoon."),
    ("clinical-tasks", "Complete Waterlow scores for each patient on admission."),
    ("medication", "Take medication to people's homes and witness that it has been taken."),
    # blind_40 and blind_41
    (
        "sharing-discouraged",
        "Self-disclosure of personal health information is not consistent with our policy.",
    ),
    ("sharing-discouraged", "Conversations should focus on the client and not on your own life."),
    (
        "clinical-direction",
        "You will be guided by the charge nurse about the tasks for each shift.",
    ),
    ("staff-shortages", "Watch the lounge during handover so that registered staff can attend."),
    ("staff-shortages", "Cover the HCA rota on the ward when the suite is not in use."),
    ("close-observations", "Supervision of patients in the garden and communal lounges."),
    ("clerical-domestic", "Stocking the linen cupboard and the clinic."),
    ("clerical-domestic", "Complete the fire checks each morning."),
    # blind_46 and blind_47: discouraged sharing said in the passive, a verb for disclosure
    # agreed in advance, managing disturbed behaviour
    ("sharing-discouraged", "Discussing your own diagnosis with clients is not permitted."),
    ("sharing-discouraged", "Disclosing private matters to patients is not encouraged."),
    (
        "sharing-discouraged",
        "Personal details should only be disclosed once agreed in advance with your supervisor.",
    ),
    ("restraint", "Help the team with the safe management of violent behaviour on the ward."),
    # blind_48 and blind_49: restraint duties done once training is complete, searches of
    # rooms and areas; sharing forbidden by policy, "not to use" one's experience, disclosure
    # said to compromise
    (
        "restraint",
        "To take part in managing violence and aggression, including physical intervention, "
        "after completion of mandatory training.",
    ),
    ("restraint", "Carry out room and area searches at the start of each shift."),
    (
        "sharing-discouraged",
        "Disclosure of your own health history could compromise the therapeutic relationship.",
    ),
    ("sharing-discouraged", "Staff are not to use their own experience of illness with patients."),
    (
        "sharing-discouraged",
        "Trust policy prohibits the sharing of personal details with service users.",
    ),
    # blind_48 and blind_49: core staffing, other tasks set by a manager, missed scripts,
    # night room checks, oral fluid screens, behavioural charts
    ("staff-shortages", "You will be counted in the unit's core staffing every shift."),
    (
        "other-duties",
        "Staff may be required to take on other tasks as determined by the unit manager.",
    ),
    ("medication", "Chase up anyone who has missed their script."),
    ("close-observations", "Complete the night room checks on the flats."),
    ("clinical-tasks", "Take oral fluid screens at each appointment."),
    ("clinical-tasks", "Keep behavioural charts up to date for each resident."),
    # blind_50 and blind_51: engagement levels, not reciprocating, following instructions,
    # an administrator's absence, assessment documentation
    ("close-observations", "Undertake level 3 engagement with patients as allocated."),
    (
        "sharing-discouraged",
        "Listen to people's stories but do not reciprocate with your own personal history.",
    ),
    ("clinical-direction", "Follow the instructions given by the nurse in charge."),
    ("staff-shortages", "In the absence of the ward clerk, answer the phones."),
    (
        "clinical-tasks",
        "What you'll do\n- Complete the first page of the liaison assessment documentation, "
        "covering presenting problem and risks.",
    ),
    # blind_46 and blind_49: meds in the clinic room, care for people who cannot manage
    # alone, risk assessment paperwork, triage, working across wards, taking tasks from the
    # nurse, travelling with someone (simplemma read "travelling" as "travell")
    ("medication", "Prompt people to come to the clinic room for their evening meds."),
    (
        "personal-care",
        "Assisting people who find it hard to manage their own hygiene with showering and dressing.",
    ),
    (
        "clinical-tasks",
        "Contributing to the completion of patient risk assessments at the end of each shift.",
    ),
    ("clinical-tasks", "Take part in the duty triage each morning."),
    ("staff-shortages", "Work across the unit's wards where needed."),
    ("clinical-direction", "Take tasks from the nurse in charge at the start of the shift."),
    ("escorting", "Travelling with patients to the general hospital in the team car."),
]

# Good or negated wordings of the same families: none of them is drift.
NOT_FLAGGED = [
    # Round eighteen: good roles whose words sit close to the frames; 3 of 15 were flagged before.
    "You will accompany people, at their request, to community activities they have chosen.",
    "Peer workers may eat with people in the dining room as equals, not to supervise them.",
    "You will offer people the chance to talk about how their medication affects them, without advising them.",
    "You will help people make their own phone calls to housing and benefits services when they ask.",
    "You will support people who have been restrained or secluded to share their views with the ward.",
    "The peer worker is not part of the staffing establishment and does not cover absence.",
    "Help people understand their care plan and have a say in it.",
    "Run a weekly cooking group where people plan and share a meal together.",
    "You will welcome people to the recovery college and help them choose courses.",
    "People are referred by themselves, their GP or the team, and decide together with you whether to work together.",
    "You will be one of several peer workers who cover different parts of the county.",
    "You'll be part of the ward team, though not counted in its numbers.",
    "Co-deliver training to staff about restrictive practice from a lived experience perspective.",
    "Work alongside people at risk of readmission to build their own crisis plans.",
    "Support people with their own goals, such as getting back into work or education.",
    # Round seventeen's good wordings: 3 of 10 were flagged before ("nobody is allocated to you"
    # was not read as a negation); two still are, so they are not here (see docs/jd_check.md).
    "Where people want it, you will go with them to their first appointment at a community group.",
    "You will not be counted in the nursing numbers, even when the ward is short-staffed.",
    "Where people ask, you can talk with them about your own experience of taking medication.",
    "The post holder will support people to plan their own meals and shopping, as part of their recovery goals.",
    "Should the need arise, your manager will agree any change to your duties with you first.",
    "You will make your own decisions about who you work with, together with the people referred.",
    "People choose whether to work with a peer worker; nobody is allocated to you.",
    "You will help people write their own recovery plans in their own words.",
    # Round sixteen's good wordings, near the words the new frames use.
    "Peer workers are supernumerary and are never counted in the numbers.",
    "You will help people prepare for their ward round by thinking through what they want to say.",
    "Run the drop-in café at peak times, when most people come in for a chat.",
    "Meet people ahead of their first clinic appointment if they would like some company.",
    "Help people sort out their benefit payments and budgeting if they ask for it.",
    "Support people to keep an eye on their own wellbeing using tools such as WRAP.",
    "You won't be part of the ward establishment or the observation rota.",
    "Help people prepare questions ahead of their medication review.",
    "Co-facilitate a hearing voices group with another peer worker.",
    "Help people find their way around the hospital and the community after discharge.",
    "Share your experience of recovery through inspection visits led by people who use services.",
    "The role is not about monitoring anyone: you walk alongside people on their terms.",
    "Work with people to write their own crisis and relapse plans in their own words.",
    "Talk with people about their experience of being on medication, if they want to.",
    "Help people plan for tribunals by explaining what to expect.",
    "You'll support people to get to their appointments, if that's what they want.",
    "Supervision covers what you share and when.",
    "Your manager will agree your tasks with you in line with the peer support role.",
    "We're open seven days a week, and our busy times are Monday mornings.",
    "You will not take part in room searches, restraint or observations.",
    "Never use your own experience to tell people what to do.",
    "Opportunities to act up into the Lead Peer Worker role.",
    "If there is anything else you would like to ask, please call us.",
    "Help people assess their own needs and plan for a crisis.",
    "We will send you a letter confirming your interview.",
    "Support people to get changed into their own clothes after admission.",
    "Stay with people when they feel at risk, if they want company.",
    "Watch a film with people at night if they cannot sleep.",
    "Offer support to mothers and babies on the unit.",
    "Help families understand how peer support works.",
    "Keep a stock of leaflets about local groups.",
    # Round nine: negated lists, other staff's work, and the ward's own practice.
    "You will not be asked to hand out meds, cover breaks or escort patients to court.",
    "Peer workers never carry out welfare checks, searches or holds.",
    "Nurses remain responsible for all medication, observations and physical health checks.",
    "This post is not included in the ward's staffing numbers and will not be used to cover shifts.",
    "We don't expect you to do any admin beyond keeping your own notes.",
    "What you won't do: personal care, meal supervision, taking bloods.",
    "Rather than supervising meals, you will eat with people as an equal.",
    "Instead of escorting people on leave, you might go for a walk with someone who asks you to.",
    "The role excludes care coordination and risk assessment.",
    "You will not be allocated a caseload; people choose to work with you.",
    "We do not ask applicants about their diagnosis or when they last used services.",
    "There is no requirement for healthcare experience or qualifications.",
    "Staff sometimes discourage peer workers from sharing their stories; we will support you to share safely.",
    "While the ward uses restraint as a last resort, peer workers are never involved.",
    "Unlike HCAs, you won't take part in observations or help with washing and dressing.",
    "Support people to monitor their own relapse signs and plan for them.",
    "Sharing of your own experience with service users is encouraged.",
    "Help people meet their own support needs.",
    "Talk with people about how they manage their own medication and prescriptions.",
    "Work with the clinical team to identify people who might benefit from peer support.",
    "Decide together with the person what support to offer based on their needs.",
    # Round four: good wordings that share words with the drift vocabularies.
    "Offer overnight peer support check-ins to guests who want them.",
    "Check in with people each week about how things are going.",
    "Talk with people about their medication and what it means to them, before their clinic appointment.",
    "Help people prepare questions to ask their psychiatrist about their medication.",
    "Make sure people can have lunch together if they want to.",
    "Make time to listen to people's stories.",
    "Share a cup of tea and a chat with people on the ward.",
    "Run a weekly cooking group where people learn from each other.",
    "Help people find out about benefits, housing and education.",
    "Update your own records of peer support contacts on the team's system.",
    "Go with people to community activities they choose.",
    "Take people's views back to the ward community meeting.",
    "Support people on their journey of recovery through hope and shared experience.",
    "Take part in the ward's reflective practice sessions.",
    "Take part in reviews of the peer support service.",
    "Contribute the peer perspective to team discussions about people's care.",
    "Support people to prepare for and take part in their care programme approach reviews.",
    "Help people write their own wellness recovery action plans.",
    "Help people to speak up in ward rounds.",
    "Support people during the first days after they leave hospital.",
    "Spend time on the ward at weekends, when there are fewer activities.",
    "Work some evenings and weekends, as agreed with your manager.",
    "You will be supported to take annual leave and breaks like any other member of staff.",
    "The team will cover your work when you are on leave.",
    "Help people build confidence to use public transport on their own.",
    "Support people to manage their own money and bills, if they ask.",
    "Help people reconnect with friends and family.",
    "Offer people a choice of where to meet: at home, a cafe or a park.",
    "Promote the peer support service to staff and people using the service.",
    "Record your contacts in the electronic notes, as all staff do.",
    "Sit with people who are distressed and listen.",
    "Spend time with people who are new to the ward, and help them settle in.",
    "Stay with people in the lounge, chatting and playing games.",
    "Help people plan their leave so it goes well for them.",
    "Welcome new residents and show them around the house.",
    "Be a positive role model of recovery for staff and patients.",
    "Attend handover to hear how people are doing, and share what you have learned with their agreement.",
    "Help people find and keep work, training or volunteering.",
    "Encourage people to look after their physical health in ways they choose.",
    "We welcome applications from people who have been in hospital.",
    "You do not need a degree or any formal qualifications.",
    "Desirable: NVQ in Health and Social Care.",
    "You will have peer supervision each month to think about what to share.",
    "No one will tell you what to share: you decide.",
    "Bring your own experience of recovery to everything you do.",
    "You will not be counted in the staffing numbers.",
    "Help people access the crisis line when they need it.",
    "While mentors never take part in restraint, you may be present on wards where it happens"
    " and we will debrief with you afterwards.",
    "Support people to prepare for their ward round and to have their say in it.",
    "Eat lunch with people on the ward as a chance to talk, not to supervise.",
    "Go with people to appointments they choose, if they would like company.",
    "You will never be asked to take part in restraint or observations.",
    "Observations, restraint and medication are carried out by the nursing team.",
    "You will decide with your supervisor how much of your own story to share.",
    "You may share your own experiences of recovery where it helps the person.",
    "You are encouraged to draw on your lived experience in every conversation.",
    "People can refer themselves to the peer worker, and decide whether they want peer support.",
    "Keep your own records of your peer support work, as agreed in supervision.",
    "Help people to book and attend their own GP appointments if they want to.",
    "You will not be counted in the staffing numbers or used to cover shifts.",
    "Talk with people about their experience of medication and help them prepare questions for their doctor.",
    "Support people to access physical health checks and screening.",
    "Personal information about service users must not be shared outside the team.",
    "Lived experience of using mental health services is essential.",
    "Experience of volunteering or paid work is desirable but not essential.",
    "Desirable: experience of working in a health or care setting.",
    "Run a weekly cooking group with people in the recovery house.",
    "You will have regular peer supervision with the Lead Peer Worker.",
    "Applicants should have lived experience of mental health problems and of using services.",
    "Share your own experience of recovery to inspire hope.",
    "You will be part of a team of three peer support workers.",
    "Help people plan what they want to say at their ward round.",
    "Share a meal with people in the recovery cafe, as peers.",
    "Offer to go along with people to appointments, if they ask.",
    "The nursing team carries out all observations and physical health checks.",
    "Peer workers do not give medication, restrain or search anyone.",
    "You will use your own experience of mental distress, with care and on purpose.",
    "Choose what you share about yourself, and why, with support from peer supervision.",
    "People choose whether to work with a peer worker; no one is allocated to you.",
    "Record your work with each person in the electronic notes.",
    "Support people to get to their physical health checks if they want to.",
    "This post is supernumerary and is never used to cover staff absence.",
    "Talk about people's experience of medication and support them to discuss it with their prescriber.",
    "Help people to find and join community groups.",
    "Essential: lived experience of mental health difficulties.",
    "Desirable: an NVQ in health and social care.",
    "Experience of working in health care is not essential.",
    "Run a peer support group on the ward each week.",
    "Co-facilitate recovery workshops with a clinical colleague.",
    "Work alongside nurses, doctors and therapists as an equal member of the team.",
    "Attend team meetings and share the peer perspective.",
    "You will be supervised by the Lead Peer Worker and managed by the team manager.",
    "Help people build hope and find meaning in their own recovery.",
    "We welcome applicants who have used our services.",
    "You will not carry out observations, restraint or searches.",
    "Nurses will give medication; you can talk with people about how they feel about it.",
    "Spend time with people on the ward, in the garden or over a cup of tea.",
    "Help people plan for their discharge in their own words.",
    "You will be supernumerary: never part of the staffing numbers.",
    "Share your experience of recovery, when you judge it will help.",
    "You choose when and how much of your story to share.",
    "People decide for themselves whether to see a peer worker.",
    "Desirable: NVQ level 3 in health and social care.",
    "Desirable: experience of working in a hospital setting.",
    "Essential: lived experience of mental illness and of using services.",
    "Go with people to community groups they want to try.",
    "Keep brief notes of your contacts, as agreed with your supervisor.",
    "Join the ward's weekly community meeting and bring the peer perspective.",
    "Support people to take part in their ward round and care planning.",
    "You will have regular supervision with a peer supervisor.",
    "Help people find their own ways to stay well.",
    "Co-deliver recovery college courses with a clinician.",
    "We welcome applicants who have used mental health services.",
    "Applicants do not need any qualifications.",
    "Work alongside the nurse in charge as a member of the ward team.",
    "Help people to prepare questions about their medication for their psychiatrist.",
    "Offer peer support to people in the crisis house, day and night.",
    # blind_16: a clinic named after a drug or a specialty is a setting, not a task; "take
    # part in" is not taking someone somewhere; one named clinician is a subject too.
    "The Clozapine Clinic sees around 180 people every month.",
    "Support the running of the psychological medicine clinics.",
    "Take part in team reflective practice about a detained person's experience.",
    "While the psychologist leads cognitive assessment, you won't be involved in it.",
    # blind_17: a list after an inline "Not part of this role:" is negated as a whole.
    "Not part of this role: dressing wounds, acting as a care coordinator, giving or"
    " monitoring medication, or covering the duty rota.",
    # blind_18: a list item is not a new subject; two kinds of staff share a subject; helping
    # staff understand a practice is not doing it; a team's treatment is its setting.
    "You will not be asked to interpret, staff reception or cover for absent colleagues.",
    "While prison officers and healthcare staff carry out observations, you will listen.",
    "Help staff understand how restrictive practices feel to patients.",
    "The clinic team provides opioid substitution treatment to adults on methadone.",
    # blind_20: a clinic in the subject of a staff clause; a catch-all kept to the peer purpose;
    # a patient's leave; self-referral through reception.
    "While care coordinators and the depot clinic manage medication, you can talk about it.",
    "Other duties may be assigned from time to time in line with the peer support purpose.",
    "When a patient is on staff-accompanied leave, you may go along if they ask.",
    "People can refer themselves through reception.",
    # blind_21: helping people engage with their own care plans; tidying someone's own home
    # when they move back.
    "Help young people engage with their care plans.",
    "Settle people back into their own flat: shopping, tidying and making up beds.",
    # blind_22: a 12-week abstinence-based programme; a
    # peer walking alongside people; physical obs are not close observation.
    "Our residence offers a 12-week abstinence-based programme followed by six months' move-on.",
    "Walk alongside people to appointments they find hard to face alone.",
    # blind_20 and blind_23: therapeutic engagement is the peer worker's own work.
    "Therapeutic engagement with patients through 1:1 time and activity groups.",
    # blind_24: other staff who help; a catch-all within the peer role; adjustments that
    # help; people arriving in a prison's reception.
    "Our support workers help tenants with cooking and shopping; your role is different.",
    "Other duties within the scope of the peer role may be agreed with your manager.",
    "We will make reasonable adjustments to hours, or anything else that helps.",
    "Support men arriving in reception, sharing your own experience where it helps.",
    # blind_25: care plans set by the team are the patients' plans, not the worker's orders.
    "Support the delivery of care plans set by the multidisciplinary team, as a peer.",
    # "isn't essential" and "would be lovely" make a qualification desirable.
    "An RHS Level 2 certificate would be lovely but isn't essential.",
    # A peer worker's own records are part of the work, not clerical drift.
    "Log your contacts on the database after each visit.",
    "Keep a spreadsheet of your sessions to bring to supervision.",
    # blind_26: a list set off by dashes is given to others by the verb after it.
    "The clinical side - prescribing, supervised consumption and drug testing - is done by our "
    "nurses.",
    # People described by what everyone in the service does are not given a task.
    "Everyone who answers our phones has been through a crisis themselves.",
    # blind_27: care as a standard, learning skills, and the worker's own notes.
    "Deliver high standards of care to the patients on the ward.",
    "Support residents to develop daily living skills for their move on.",
    "Input daily progress notes onto the record system.",
    # blind_28: a statement that service use bars nobody; a call people opt in to.
    "Please note: we do not bar applicants because they are currently using mental health services.",
    "Offering people on the waiting list a phone call, if they opt in, to talk through what therapy "
    "is like.",
    # blind_29: cooking with people who choose to join in.
    "Cook the evening meal with guests who would like to join in.",
    # blind_30: a paramedic's assessment is the crew's work, not the peer worker's.
    "Sit with the person while the paramedic completes their physical assessment.",
    # blind_31: training the post asks for is not a duty of restraint.
    "You will be expected to complete PMVA training in your first month.",
    # blind_33 to blind_35: a crisis team's name, and a list of equipment used.
    "The Urgent Response Team offers same-day assessment to young people in crisis.",
    "Equipment used: EMIS, Datix, ward telephone system and hoists.",
    # blind_36 and blind_37: a long alternative after "not"; a question heading; checks that are
    # not observation or searches; whose absence sets off a task.
    "You will not be asked to help the nurses with any physical restraint or to sit with a "
    "patient for the purpose of enhanced observation.",
    "Peer support in our team\n\nWho decides who you see\nPeople choose peer support themselves.",
    "Phoning people for a wellbeing check-in when they have asked for one.",
    "Weekly room checks and smoke alarm tests in the flats, logging repairs.",
    # blind_38 and blind_39: people more likely to be restrained; a registered activity; staff
    # who open the clause; helping people to their own checks; searches after leave.
    "People from Black communities are more likely to be restrained and secluded.",
    "We are registered with the CQC for the regulated activity of personal care.",
    "While the crisis practitioners complete the risk assessment, you will make the guest a drink.",
    "Encourage people to attend their own yearly physical health checks if they would like to.",
    "Contribute to the nursing care plans by sharing what people have told you they want.",
    # blind_40 and blind_41: readers split on 'under the supervision of a registered nurse'
    # (eight for clinical direction, eight against); mandatory moving and handling is not a
    # credential; records kept on NDTMS are not clerical work; a catch-all kept to the post's
    # purpose.
    "You will work under the supervision of a registered nurse.",
    "Essential: moving and handling competence.",
    "Keep accurate records on SystmOne and NDTMS.",
    "Any other duties in keeping with the purpose of the post.",
    # blind_44 and blind_45: boilerplate that a job description may change; referral
    # through reception; promoting independence.
    "This job description is not exhaustive and may be amended to meet the needs of the service.",
    "People can refer themselves by phone or through the team's reception.",
    "The post holder will promote independence and daily living skills.",
    # blind_42 and blind_43: a share of the workforce is no staffing; a second signature on
    # medication is not escorting; a short heading names the section below it.
    "Our lived experience workforce now makes up a third of our staff.",
    "Main duties\n- Listen to people.\n\nOther duties\nWe will agree any others with you.",
    # blind_46 and blind_47: saying sharing is never forced is no discouragement
    "Sharing your own story is never compulsory, and pressure to do so is not appropriate.",
    # a list of the training every member of staff completes is no restraint duty
    "Complete all statutory and mandatory training, including PMVA.",
    # blind_50 and blind_51: shifts on a ward's rota are a working pattern, not cover for a
    # gap; a phone line people refer themselves through is not one the worker answers
    "You will work days, nights and weekends as part of the ward rota.",
    "People can refer themselves via the team's duty phone.",
    # a meal cooked with the people who want to join in is shared, not supervised
    "Prepare and share a Sunday lunch with residents who wish to join.",
]


def drift_rules(text: str) -> set[str]:
    return {m.rule.id for m in check_text(text, catalog().jd_check, DOMAIN_KEYS).drift}


@pytest.mark.parametrize(("rule", "text"), FLAGGED)
def test_a_new_wording_of_each_family_is_flagged(rule, text):
    """The family's rule reads the wording, and the sentence is flagged: under that rule, or
    under another task rule that matched first in the same duty (one_task_per_duty)."""
    rules = catalog().jd_check
    report = check_text(text, rules, DOMAIN_KEYS)
    (family,) = (r for r in rules.rules if r.id == rule)
    matched = {m.sentence.index for m in find(family, report.sentences)}
    assert matched
    assert matched <= {m.sentence.index for m in report.drift}


@pytest.mark.parametrize("text", NOT_FLAGGED)
def test_good_and_negated_wordings_are_not_flagged(text):
    assert drift_rules(text) == set()


def test_the_posts_details_are_not_duties_but_its_hours_are_read():
    details = (
        "Post:\tPeer Support Worker (Clozapine Clinic)\n"
        "Team:\tCommunity Psychosis Service - Clozapine Clinic\n"
        "Responsible to:  Clozapine Clinic Nurse Lead\n"
        "Accountable to: Ward Manager, Personal Care Unit\n"
    )
    assert drift_rules(details) == set()
    hours = "Hours: 37.5, including covering HCA shifts when the ward is short-staffed\n"
    assert drift_rules(details + hours) == {"staff-shortages"}


@pytest.mark.parametrize(
    "text",
    [
        "Professional boundaries\nYou will work within professional boundaries at all times.",
        "Any concerns about boundaries should be raised with the nurse in charge.",
        "Staff should not share personal information. Self-disclosure is kept to a minimum.",
        "A criminal record will not bar you; we consider each disclosure on its merits.",
        "Feed back to the team what service users have disclosed in sessions.",
    ],
)
def test_boundaries_named_without_how_sharing_works_are_not_enough(text):
    report = check_text(text, catalog().jd_check, DOMAIN_KEYS)
    assert "boundaries-sharing" in {rule.id for rule in report.missing}


def test_a_sentence_that_discourages_sharing_cannot_also_say_how_it_works():
    text = (
        "Personal disclosure is discouraged, and what you share must be agreed with your manager."
    )
    report = check_text(text, catalog().jd_check, DOMAIN_KEYS)
    assert "sharing-discouraged" in {m.rule.id for m in report.drift}
    assert "boundaries-sharing" in {rule.id for rule in report.missing}


def test_who_we_are_looking_for_introduces_essential_criteria():
    text = (
        "Who we're looking for:\n"
        "At least a year's experience in a health or social care role\n"
        "Your own experience of mental health problems\n"
    )
    report = check_text(text, catalog().jd_check, DOMAIN_KEYS)
    assert {m.rule.id for m in report.drift} == {"healthcare-experience-essential"}
    assert "lived-experience-essential" not in {rule.id for rule in report.missing}


def test_a_desirable_peer_qualification_is_not_training_the_post_gives():
    def missing(text):
        return {rule.id for rule in check_text(text, catalog().jd_check, DOMAIN_KEYS).missing}

    assert "role-training" in missing("Desirable: a peer support training certificate.")
    assert "role-training" not in missing("Essential: willing to attend peer support training.")


def test_a_heading_asked_as_a_question_says_what_the_role_leaves_out():
    text = (
        "What's not in the job?\n"
        "Booking appointments or covering for link workers when they're off.\n"
    )
    report = check_text(text, catalog().jd_check, DOMAIN_KEYS)
    assert report.drift == ()
    assert "not-part-of-role" not in {rule.id for rule in report.missing}
    # but an invitation to apply asked as a question negates nothing after it
    assert drift_rules("Why not apply?\nCover reception when the team is short.\n") == {
        "clerical-domestic",
        "staff-shortages",
    }


def test_a_personnel_specification_with_criteria_explained_after_a_dash():
    # NI HSC layout: the kind is in a section line that goes on to explain it
    text = (
        "PERSONNEL SPECIFICATION\n"
        "Section 1: Essential criteria – you must show on your form that you meet these.\n"
        "Factor\tCriteria\tMethod\n"
        "Qualifications\tNVQ Level 3 in Health and Social Care\tApplication\n"
        "\n"
        "Section 2: Desirable criteria\n"
        "Factor\tCriteria\tMethod\n"
        "Experience\tTwo years as a healthcare assistant\tApplication\n"
    )
    assert drift_rules(text) == {"credentials-essential"}


def test_using_experience_safely_does_not_say_how_sharing_will_work():
    report = check_text(
        "Essential: able to draw on your own experience safely.", catalog().jd_check, DOMAIN_KEYS
    )
    assert "boundaries-sharing" in {rule.id for rule in report.missing}


@pytest.mark.parametrize(
    ("text", "rules"),
    [
        # help with daily living is personal support, not domestic work
        (
            "Support with shopping and laundry for residents learning daily living skills.",
            {"personal-care"},
        ),
        # "may be required to work as" a care assistant is a duty, not a criterion
        (
            "When the ward is below safe numbers, you may be required to work as a care assistant.",
            {"staff-shortages"},
        ),
        # tasks set day to day by a nurse are direction, not a catch-all
        ("Day-to-day tasks are set by the charge nurse on each shift.", {"clinical-direction"}),
        # a prison's reception screen is a clinical task, not reception work
        (
            "Completion of the mental health reception screen within 72 hours.",
            {"clinical-tasks"},
        ),
        # fluid balance charts among physical observations are a physical health check
        ("Record NEWS2 scores, weights and fluid balance charts.", {"physical-health-checks"}),
        # helping people with their own cooking and cleaning is personal support
        (
            "Help with cooking and cleaning when the support provider is short of staff.",
            {"staff-shortages", "personal-care"},
        ),
        # a cleaning checklist is domestic work, not a clinical rating scale
        ("Answer the door and complete the daily cleaning checklist.", {"clerical-domestic"}),
        # reminders for the depot clinic are part of the medication task, not office work
        (
            "Support the depot clinic by phoning people to remind them of their injection "
            "appointments.",
            {"medication"},
        ),
        # a lunch break is a gap in cover, not a meal to supervise
        ("Cover the front desk during lunch breaks.", {"clerical-domestic", "staff-shortages"}),
        # "as directed" with nobody named who directs is the task's own wording, not direction
        (
            "Escort patients to their appointments at the general hospital as directed.",
            {"escorting"},
        ),
        # taking people to their tests is escorting, not doing the tests
        (
            "Escorting residents to the GP surgery for their blood tests and ECGs.",
            {"escorting"},
        ),
        # who is away is the condition of the task, not the task
        (
            "Hourly bedroom checks overnight when the night receptionist is off sick.",
            {"close-observations", "staff-shortages"},
        ),
        # staying outside a door is a place, not a negation; seclusion is restraint
        (
            "Take patients to the seclusion room and remain outside the door.",
            {"restraint"},
        ),
        # driving someone to their clinic is escorting, not their injection
        (
            "Taking tenants to their depot clinic appointments and bringing them home.",
            {"escorting"},
        ),
        # cleaning a clinic is domestic work, not help with someone's personal care
        ("Help with the clean-down of the clinic room after sessions.", {"clerical-domestic"}),
        # a person specification introduced by 'applicants must have:' is essential
        (
            "Person specification\nEssential criteria\nApplicants must have:\n"
            "1. NVQ Level 3 in Health and Social Care.\n",
            {"credentials-essential"},
        ),
        # visits allocated at a zoning meeting are a caseload chosen by others, nothing more
        (
            "Your visits will be allocated by the shift coordinator at the zoning meeting, based "
            "on each person's RAG rating.",
            {"caseload-by-others"},
        ),
        # on a ward, care 'as allocated by the nurse in charge' is direction, not a caseload
        (
            "Deliver care and support to patients as allocated by the nurse in charge.",
            {"clinical-direction"},
        ),
        # a second member of staff signing for medication is no escort
        (
            "Handing out the night-time medication, countersigned by a second member of staff.",
            {"medication"},
        ),
        # the conditions of someone's leave set by their clinician are no caseload
        (
            "To escort patients on Section 17 leave, keeping to the conditions set by the "
            "Responsible Clinician.",
            {"escorting"},
        ),
        # checking empty flats is housing upkeep, not a search
        ("Void property checks and fire alarm tests across the schemes.", {"clerical-domestic"}),
        # a search after someone's leave is not escorting them on it
        (
            "A search of residents' belongings on their return from community leave.",
            {"restraint"},
        ),
        # people on your list allocated by others is a caseload, not a key-working task
        (
            "Residents on your key-working list will be allocated by the clinical team.",
            {"caseload-by-others"},
        ),
        # patients described by their medication are not given it
        (
            "Check vital signs for patients on antipsychotic medication.",
            {"physical-health-checks"},
        ),
        # blind_46 and blind_47: drug screens are clinical tasks (most readers), a breath
        # test a physical health check
        ("Gather saliva and urine samples for drug testing at each review.", {"clinical-tasks"}),
        ("Take breath alcohol readings when people arrive for groups.", {"physical-health-checks"}),
        # a desk covered on a rota is office work, not a staffing gap
        ("Provide reception cover at the hub on a rota basis.", {"clerical-domestic"}),
    ],
)
def test_a_sentence_gets_the_one_reading_readers_give_it(text, rules):
    assert drift_rules(text) == rules


def test_the_post_holder_is_not_the_post():
    assert drift_rules("When staffing is short the post holder may be asked to stay late.") == {
        "staff-shortages"
    }
    assert "clerical-domestic" in drift_rules("Opening and sorting the post each morning.")


def test_a_reception_hatch_is_not_a_medication_hatch():
    assert drift_rules("Staff the reception hatch when the administrator is away.") == {
        "clerical-domestic",
        "staff-shortages",
    }
    assert "medication" in drift_rules("Support patients at the hatch during the round.")


def test_services_as_a_workplace_are_no_exclusion_by_use_of_services():
    text = "Essential: experience of working in an inpatient environment for at least 12 months."
    assert drift_rules(text) == {"healthcare-experience-essential"}


def test_every_drift_family_has_new_wordings():
    drift = {rule.id for rule in catalog().jd_check.of_kind("drift")}
    assert {rule for rule, _ in FLAGGED} == drift


def test_a_heading_saying_what_the_role_doesnt_include_is_read_as_one():
    text = "What this role doesn't include\n- Care coordination or giving medication\n"
    report = check_text(text, catalog().jd_check, DOMAIN_KEYS)
    assert "not-part-of-role" not in {rule.id for rule in report.missing}
    assert report.drift == ()


FRAGMENTS = """Key tasks
- Meds round support
- Reception cover
- Bed checks at night
- Escorts
- Meal supervision
- Observations of patients' sleep
- Supporting HCAs with personal care
- Searches on return from leave
- Vital signs monitoring
- Cover for staff breaks
"""


def test_duties_written_as_bare_fragments_are_read_too():
    report = check_text(FRAGMENTS, catalog().jd_check, DOMAIN_KEYS)
    found = {(m.sentence.text, m.rule.id) for m in report.drift}
    assert found >= {
        ("Meds round support", "medication"),
        ("Reception cover", "clerical-domestic"),
        ("Bed checks at night", "close-observations"),
        ("Escorts", "escorting"),
        ("Meal supervision", "mealtimes"),
        ("Observations of patients' sleep", "close-observations"),
        ("Supporting HCAs with personal care", "personal-care"),
        ("Searches on return from leave", "restraint"),
        ("Vital signs monitoring", "physical-health-checks"),
        ("Cover for staff breaks", "staff-shortages"),
    }


# An advert of our own in a chatty voluntary-sector voice, every drift in running prose.
YOUTH_ADVERT = """Youth Peer Mentor – Headspace Hub (18 hours)

Who we are
We're a young people's mental health charity. We believe young people are the experts in their own lives.

What you'll do
You'll hang out with young people at the hub, run drop-ins and help them work out what they want from support. Some days you'll be on the front desk signing young people in and answering the phones while our admin worker is at lunch. You'll also sit in on assessments with our clinicians and help them fill in the risk paperwork. We might ask you to keep an eye on the waiting room and let staff know if anyone seems unsafe. Occasionally you'll drive young people home after evening sessions.

Boundaries
Mentors are asked not to share details of their own mental health with the young people they support, to keep the relationship professional.

About you
You'll need experience of your own mental health challenges, and ideally you'll have been through services as a young person. You must have worked with young people in a youth work, school or care setting for at least a year. A DBS check is required.
"""


def test_drift_in_running_prose_is_found_and_lived_experience_in_other_words_is_read():
    report = check_text(YOUTH_ADVERT, catalog().jd_check, DOMAIN_KEYS)
    assert {m.rule.id for m in report.drift} == {
        "clerical-domestic",  # answering the phones
        "staff-shortages",  # while our admin worker is at lunch
        "clinical-tasks",  # sit in on assessments, fill in the risk paperwork
        "close-observations",  # keep an eye on the waiting room
        "escorting",  # drive young people home
        "sharing-discouraged",  # asked not to share details of their own mental health
    }
    # "You'll need experience of your own mental health challenges"
    assert "lived-experience-essential" not in {rule.id for rule in report.missing}


# What a post needs, said in words of our own: each must be read as present. Before any change
# for them, 18 of 21 were read.
PRESENT = [
    # Round eighteen, formal NHS wording of what a post needs: 12 of 20 read before the changes.
    (
        "lived-experience-essential",
        "Person specification – Essential: Personal experience of using mental health services.",
    ),
    (
        "lived-experience-essential",
        "Essential: the ability to draw on your own experience of mental distress.",
    ),
    (
        "purposeful-lived-experience",
        "The post holder will make intentional use of their lived experience in all aspects of the role.",
    ),
    (
        "purposeful-lived-experience",
        "You will bring insight from your own journey to your relationships with people.",
    ),
    ("peer-supervision", "Regular peer-to-peer supervision is provided."),
    ("peer-supervision", "You will attend the monthly Lived Experience Workers' forum."),
    (
        "role-training",
        "Completion of the Trust's Peer Support Worker Development Programme is required within six months.",
    ),
    ("role-training", "You will be trained in Intentional Peer Support (IPS)."),
    (
        "reasonable-adjustments",
        "The Trust is a Disability Confident employer and will make adjustments to the recruitment process and the post.",
    ),
    ("reasonable-adjustments", "A Wellness Recovery Action Plan will be agreed with your manager."),
    ("line-management", "Managerially accountable to: Service Manager."),
    ("line-management", "Reports to: Lived Experience Lead."),
    ("peer-colleagues", "The post sits within a team of peer support workers."),
    (
        "peer-colleagues",
        "The post holder will join the Trust's Lived Experience Workforce network.",
    ),
    (
        "not-part-of-role",
        "The following are outside the scope of this post: observations, restraint and medication.",
    ),
    ("not-part-of-role", "This is a non-clinical role."),
    (
        "boundaries-sharing",
        "The post holder will use judgement about when and how to share their experience.",
    ),
    ("boundaries-sharing", "Training includes managing personal disclosure safely."),
    (
        "recovery-purpose",
        "The post supports delivery of the NHS Long Term Plan's commitment to peer support.",
    ),
    ("recovery-purpose", "The post will help the service become more recovery-oriented."),
    # Round seventeen, casual voluntary-sector wording: 2 of 10 were read before the changes.
    (
        "lived-experience-essential",
        "Essential: You'll have been through your own mental health ups and downs, and come out the other side.",
    ),
    (
        "purposeful-lived-experience",
        "You will use what you have been through to offer hope to others.",
    ),
    (
        "peer-supervision",
        "You'll have regular supervision with someone who has done the job before you, our senior peer worker.",
    ),
    ("role-training", "Before you start, you will complete our peer support foundation training."),
    (
        "reasonable-adjustments",
        "Tell us what would help you do your best work, and we will make the changes.",
    ),
    ("line-management", "Day-to-day management comes from the Recovery Team Manager."),
    ("not-part-of-role", "Things this job isn't: a nurse, a support worker or a therapist."),
    ("boundaries-sharing", "It's up to you how much you say about your own story."),
    (
        "recovery-purpose",
        "This post is part of how we put recovery at the centre of everything we do.",
    ),
    (
        "lived-experience-essential",
        "Essential: you will have personal experience of mental health challenges.",
    ),
    (
        "lived-experience-essential",
        "Essential: first-hand experience of recovery from mental ill health.",
    ),
    (
        "lived-experience-essential",
        "The successful applicant must have experienced mental distress themselves.",
    ),
    ("purposeful-lived-experience", "You will draw on your own journey to inspire hope in others."),
    (
        "purposeful-lived-experience",
        "Use insights from your own recovery to help people feel understood.",
    ),
    ("peer-supervision", "You'll get regular supervision from an experienced peer practitioner."),
    (
        "peer-supervision",
        "Monthly reflective practice with other peer workers, led by a peer supervisor.",
    ),
    (
        "role-training",
        "You will complete a recognised peer support training programme in your first months.",
    ),
    ("role-training", "Induction includes the Peer Support Worker Academy course."),
    (
        "reasonable-adjustments",
        "We will work with you on any adjustments you need to stay well at work.",
    ),
    ("reasonable-adjustments", "You'll be encouraged to write a wellbeing plan with your manager."),
    ("line-management", "You will report to the Peer Support Lead."),
    ("line-management", "Your manager will be the Service Manager for the Recovery Team."),
    ("peer-colleagues", "You'll join a growing team of six peer workers across the Trust."),
    ("peer-colleagues", "There is a Trust-wide peer network that meets monthly."),
    (
        "not-part-of-role",
        "The role does not involve any clinical tasks such as observations or medication.",
    ),
    ("not-part-of-role", "You won't be asked to cover shifts or carry out restraint."),
    (
        "boundaries-sharing",
        "Supervision will help you decide how much of your story to share and when.",
    ),
    ("boundaries-sharing", "You will choose what parts of your own experience to share."),
    (
        "recovery-purpose",
        "The post supports the Trust's recovery strategy and its commitment to co-production.",
    ),
    ("recovery-purpose", "Our service is built on the principles of recovery and hope."),
    # Round fifteen (HR and job-evaluation register, tables typed with pipes or spaced columns):
    # 22 of 31 were read before the changes for them.
    (
        "lived-experience-essential",
        "Person specification\nCriteria | Essential | Desirable\nPersonal experience of mental health difficulties | E |",
    ),
    (
        "lived-experience-essential",
        "Essential criteria: has experienced mental distress and used services.",
    ),
    (
        "lived-experience-essential",
        "Essential: personal experience of recovery from mental ill health.",
    ),
    (
        "purposeful-lived-experience",
        "The post holder will draw deliberately on their own recovery to inspire hope.",
    ),
    (
        "purposeful-lived-experience",
        "You will put your own experience of distress to good use for others.",
    ),
    (
        "purposeful-lived-experience",
        "Uses insight gained from personal experience intentionally in their work.",
    ),
    ("peer-supervision", "Monthly supervision is provided by a senior peer worker."),
    ("peer-supervision", "You will be part of a peer reflective practice group."),
    ("peer-supervision", "Supervision will be given by the Lived Experience Lead."),
    ("role-training", "All post holders attend a peer support training course."),
    ("role-training", "You will receive accredited training in intentional peer support."),
    ("role-training", "A programme of training for peer workers is provided on appointment."),
    ("reasonable-adjustments", "Workplace adjustments will be agreed with you."),
    ("reasonable-adjustments", "We will agree a Wellness Recovery Action Plan with you."),
    ("reasonable-adjustments", "Adjustments to the role will be made where needed."),
    ("line-management", "Line manager: Team Leader."),
    ("line-management", "The post holder is managed by the Peer Support Coordinator."),
    ("line-management", "Professionally accountable to the Head of Peer Support."),
    ("peer-colleagues", "The post holder will be one of three peer workers in the team."),
    ("peer-colleagues", "You will work alongside another peer worker."),
    (
        "peer-colleagues",
        "The team includes two further peer support workers (there are three in all).",
    ),
    ("not-part-of-role", "The post holder is not involved in restraint or medication."),
    ("not-part-of-role", "This post does not carry clinical responsibility."),
    ("not-part-of-role", "Clinical tasks remain with registered staff."),
    ("not-part-of-role", "Peer workers don't carry out observations."),
    ("boundaries-sharing", "What to share of your own story, and when, is your decision."),
    ("boundaries-sharing", "Training covers safe and purposeful self-disclosure."),
    ("boundaries-sharing", "You will decide which parts of your experience to bring to your work."),
    ("recovery-purpose", "The post contributes to the Trust's co-production agenda."),
    ("recovery-purpose", "This role supports our recovery-focused model of care."),
    ("recovery-purpose", "The service is committed to social inclusion."),
    ("recovery-purpose", "Our project exists so that no parent goes through this alone."),
    ("recovery-purpose", "The group is run by parents who have been through it themselves."),
    ("recovery-purpose", "We're out to make every site a place where people can talk."),
    ("boundaries-sharing", "We give clear guidance on boundaries and sharing your story."),
    ("boundaries-sharing", "How much of your story you tell, and when, is up to you."),
    ("boundaries-sharing", "You choose moments to share something of your own journey."),
    ("role-training", "The Peer Support Worker Induction Programme runs over ten days."),
    ("peer-colleagues", "You will join our peer team of five."),
    # blind_29
    ("role-training", "Everyone does our five-day Using Your Story training in their first month."),
    ("peer-colleagues", "You'll meet with peer workers from other teams each month."),
    ("peer-colleagues", "You'll run groups with a co-facilitator who also has lived experience."),
    ("line-management", "You will have supervision with the Team Manager every two weeks."),
    (
        "lived-experience-essential",
        "Essential: your own experience of having a learning disability or autism, and of mental "
        "health difficulties.",
    ),
    ("not-part-of-role", "What's not in the job: we don't do assessments."),
    ("purposeful-lived-experience", "You will use your own life experience to help people."),
    ("recovery-purpose", "Our charity has been helping people recover from addiction since 1989."),
    (
        "lived-experience-essential",
        "Person specification\n                 Essential                 Desirable\n"
        "Experience       Own experience of mental  Paid work in any setting\n"
        "                 distress and recovery\n",
    ),
]


@pytest.mark.parametrize(("rule", "text"), PRESENT)
def test_what_a_post_needs_is_read_in_new_words_too(rule, text):
    report = check_text(text, catalog().jd_check, DOMAIN_KEYS)
    assert rule not in {missing.id for missing in report.missing}


# Duties in a two-column table and a ticked person specification, as pasted from Word.
TABLE_ADVERT = "Peer Support Worker – Community Rehabilitation\n\nMain duties\nArea\tDuties\nClinical\tAssist with depot clinics and monitor side effects of medication\nPatient care\tSupport residents with self-care including bathing\nAdministrative\tDeal with telephone enquiries and maintain the filing system\nStaffing\tBe part of the core shift numbers and work bank shifts as needed\nPeer support\tUse lived experience to build hope and connection\n\nPerson specification\nCriteria\tEssential\tDesirable\nLived experience of mental health problems\t✓\t\nNVQ 3 in Health and Social Care\t✓\t\nExperience of working within a hospital environment\t\t✓\n"


def test_duties_in_table_cells_are_read_and_a_desirable_tick_is_no_drift():
    report = check_text(TABLE_ADVERT, catalog().jd_check, DOMAIN_KEYS)
    assert {m.rule.id for m in report.drift} == {
        "medication",  # depot clinics
        "personal-care",  # self-care including bathing
        "clerical-domestic",  # the filing system
        "staff-shortages",  # core shift numbers, bank shifts
        "credentials-essential",  # NVQ 3, ticked Essential
    }


@pytest.mark.parametrize(
    ("text", "rules"),
    [
        # one duty seen from two sides: the charting is mealtime work, the observations are
        # only whom it is for
        ("Complete food and fluid charts for patients on enhanced observations.", {"mealtimes"}),
        # a later duty in the same sentence still counts: after a clause mark, after "and"
        # before a verb, or far on
        (
            "Escort patients to appointments; answer the ward telephone.",
            {"escorting", "clerical-domestic"},
        ),
        (
            "Help with the lunchtime meals and assisting with the laundry.",
            {"mealtimes", "clerical-domestic"},
        ),
        (
            "Complete food and fluid charts for patients on enhanced observations and, during "
            "the afternoon, help to run the ward's activity programme and do the laundry.",
            {"mealtimes", "clerical-domestic"},
        ),
        # who directs a task and covering a shortage are not tasks: they are kept beside it
        (
            "Carry out level 2 observations as directed by the nurse in charge.",
            {"close-observations", "clinical-direction"},
        ),
        (
            "Cover reception when the admin team are on leave.",
            {"clerical-domestic", "staff-shortages"},
        ),
    ],
)
def test_a_duty_is_named_once_by_the_first_task_rule_that_reads_it(text, rules):
    assert drift_rules(text) == rules
