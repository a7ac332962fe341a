package org.handoff.events;

/** The 24 yes/no items of the DASH-style risk checklist, in checklist order. */
public enum RiskItem {
    /** 1. The current incident resulted in injury. */
    CURRENT_INJURY,
    /** 2. The survivor is very frightened. */
    VERY_FRIGHTENED,
    /** 3. The survivor is afraid of further injury, violence or being killed. */
    AFRAID_OF_FURTHER_HARM,
    /** 4. The survivor feels isolated from family or friends. */
    ISOLATED,
    /** 5. The survivor feels depressed or has suicidal thoughts. */
    DEPRESSED_OR_SUICIDAL,
    /** 6. Separation, or an attempt to separate, within the past year. */
    SEPARATION,
    /** 7. Conflict over child contact. */
    CHILD_CONTACT_CONFLICT,
    /** 8. The abuser constantly texts, calls, follows, stalks or harasses. */
    STALKING_OR_HARASSMENT,
    /** 9. Pregnant, or had a baby in the last 18 months. */
    PREGNANCY_OR_NEW_BABY,
    /** 10. The abuse is happening more often. */
    ABUSE_MORE_OFTEN,
    /** 11. The abuse is getting worse. */
    ABUSE_GETTING_WORSE,
    /** 12. The abuser tries to control everything or is excessively jealous. */
    CONTROLLING_OR_JEALOUS,
    /** 13. The abuser has used weapons or objects to hurt. */
    WEAPON_USED,
    /** 14. The abuser has threatened to kill the survivor or someone else. */
    THREATS_TO_KILL,
    /** 15. The abuser has attempted to strangle, choke, suffocate or drown. */
    STRANGULATION,
    /** 16. Sexual abuse. */
    SEXUAL_ABUSE,
    /** 17. Another person has threatened the survivor. */
    THIRD_PARTY_THREAT,
    /** 18. The abuser has hurt anyone else (children, relatives, previous partners). */
    HURT_OTHERS,
    /** 19. The abuser has mistreated an animal. */
    ANIMAL_ABUSE,
    /** 20. Financial issues or dependence. */
    FINANCIAL_ISSUES,
    /** 21. The abuser had problems with alcohol, drugs or mental health in the past year. */
    SUBSTANCE_OR_MENTAL_HEALTH,
    /** 22. The abuser has threatened or attempted suicide. */
    ABUSER_SUICIDE_THREAT,
    /** 23. The abuser has broken bail, a protection order or an agreement. */
    BROKEN_BAIL_OR_ORDER,
    /** 24. The abuser has a criminal history or has been in trouble with the police. */
    CRIMINAL_HISTORY
}
