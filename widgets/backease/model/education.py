"""The course's education talks: an outline a teacher can say in their own words.

Each talk has a few points to make, questions to open a group discussion, and the guide's
chapters (page labels) to point people to. The first session of a topic gives the talk; a
later session of the same topic opens with a shorter check-in on it. A talk states nothing
the guide's sources do not: where an idea comes from one source, it says so.
"""
from __future__ import annotations

from dataclasses import dataclass

from .red_flags import GP, RED_FLAGS, advice_for, get_flag
from ..errors import CourseError


def _within_sentence(text: str) -> str:
    """A red flag's words, which start a sentence in its list, inside a sentence."""
    return text[0].lower() + text[1:]


# When to see a GP, in the red-flag list's own words (typed once, there).
SEE_A_GP = "; ".join(_within_sentence(f.text) for f in RED_FLAGS if f.level == GP)

# Pain at night that rest does not ease: a red flag, at its level in the red-flag list (the sleep talk).
NIGHT_PAIN_POINT = (f"If {_within_sentence(get_flag('night-pain').text)}, that is a red flag:"
                    f" {advice_for('night-pain').title.lower()}. {advice_for('night-pain').action}")


@dataclass(frozen=True)
class Talk:
    id: str
    title: str
    points: tuple[str, ...]
    ask: tuple[str, ...]  # questions to open the discussion
    check_in: tuple[str, ...]  # for a later session of the same topic
    chapters: tuple[tuple[str, str], ...]  # (page label, what to say about it)
    reading: tuple[str, ...] = ()  # the talk for one reader at home (the home programme's week), in a few paragraphs


TALKS: dict[str, Talk] = {t.id: t for t in (
    Talk(
        "what-pain-is", "What back pain is, and what helps",
        ("Most back pain is not caused by anything serious, and it usually gets better within a few weeks or"
         " months (as the NHS puts it). Keep moving as much as the pain allows.",
         "Your pain is real. But for most people it is not a sign of serious damage, and moving gently is"
         " what the guidelines advise (NICE NG59).",
         "One source, a patient's own account, describes how tight muscles, stress and shallow breathing can"
         " feed the pain; the breathing talk comes back to this.",
         "Some signs are different: the red flags. They need a doctor, not a class. Go through them together."),
        ("What have you been told about your back so far?", "What worries you most about moving?"),
        ("What did you notice about your pain this week?", "Did any exercise feel less scary the second time?"),
        (("causes", "why back muscles tighten"), ("tension-loop", "the loop of pain, tension and shallow breathing"),
         ("red-flags", "the signs that need a doctor")),
        ("Your back hurts, and the pain is real. For most people it is not a sign of serious damage, and it"
         " usually gets better within a few weeks or months (as the NHS puts it).",
         "Gentle movement is what the guidelines advise (NICE NG59). So this week starts small: a few short"
         " exercises, done slowly, well within what feels comfortable.",
         "A few signs are different: the red flags on the Safety first page. If you notice one, stop and see a"
         " doctor.")),
    Talk(
        "staying-active", "Staying active",
        ("Guidelines for low back pain advise staying active and keeping up normal activities as far as you can"
         " (NICE NG59).",
         "Move little and often: short, gentle movement spread through the day (the guide's suggestion).",
         "For long-lasting back pain, exercise probably eases pain a little to moderately (a Cochrane review,"
         " moderate certainty): it helps, and it takes time.",
         "Choose activity you enjoy: walking, swimming, the exercises from this course."),
        ("What did you do before your back started to hurt that you miss?",
         "What is one small activity you could add this week?"),
        ("What activity did you add? How did it go?", "What got in the way?"),
        (("strength-and-habits", "movement breaks and everyday habits"), ("warm-up", "the warm-up to use at home"),
         ("evidence", "what the evidence says about each technique")),
        ("Staying active, and keeping up your normal day as far as you can, is what the guidelines for low back"
         " pain advise (NICE NG59). It does not have to be hard work: short, gentle movement spread through the"
         " day is the guide's suggestion.",
         "For back pain that has lasted a long time, exercise probably eases the pain a little to moderately (a"
         " Cochrane review). It helps, and it takes time, so be patient with yourself.",
         "Pick one small thing to add this week, such as a short walk, that you enjoy.")),
    Talk(
        "pacing-and-flare-ups", "Pacing, and what to do in a flare-up",
        ("Pacing means doing a steady amount each day, rather than a lot on a good day and nothing on a bad day."
         " Group back programmes teach it; how to pace here is the guide's suggestion.",
         "Start below what you can do, and build up slowly: the levels in this course work this way.",
         "A flare-up is a spell of worse pain. Most back pain is not caused by anything serious (the NHS's"
         " words). The guide suggests you ease back, keep gently moving, and go back up the levels as it settles.",
         "Make a flare-up plan now, while you feel well: which gentle exercises, what to cut down, who to ask.",
         "A flare-up with any red flag is different: see a doctor."),
        ("What usually happens on a good day? And the day after?", "What has helped you in a flare-up before?"),
        ("Did you try pacing? What did you notice?", "What is in your flare-up plan?"),
        (("string-exercises", "very gentle swings, for bad days"), ("stop-rules", "when to stop an exercise"),
         ("red-flags", "the signs that need a doctor")),
        ("Pacing means doing a steady amount each day, rather than a lot on a good day and nothing on a bad one."
         " Your plan works this way: it starts below what you can do and moves up slowly, one level at a time.",
         "A flare-up is a spell of worse pain. The guide suggests you ease back, keep moving gently, and build up"
         " again as it settles. Tell your plan when you are in a flare-up: your next session becomes the gentle"
         " flare-up session, and your exercises step down a level.",
         "A flare-up with any red flag is different: see a doctor.")),
    Talk(
        "breathing-and-stress", "Breathing, stress and tense muscles",
        ("One source, a patient's own account, describes a loop: pain brings stress, stress tightens the muscles"
         " and makes breathing shallow, and that tightens the muscles more.",
         "Slow belly breathing, with a long out-breath, is one way to step out of that loop for a while.",
         "Progressive muscle relaxation, tensing and then letting go, is listed for long-lasting back pain by the"
         " American College of Physicians.",
         "Relaxation is a skill: it gets easier with practice, a few minutes a day."),
        ("When do you notice your shoulders or your back tighten during the day?",
         "What helps you to relax now?"),
        ("When did you use the breathing this week?", "Which relaxation suits you best?"),
        (("breathing", "belly breathing with a long Ssss"),
         ("progressive-muscle-relaxation", "tense and let go, group by group"),
         ("tension-loop", "the loop of pain, tension and shallow breathing")),
        ("One source, a patient's own account, describes a loop: pain brings stress, stress tightens your"
         " muscles and makes your breathing shallow, and that tightens the muscles more.",
         "Slow belly breathing, with a long out-breath, is one way to step out of that loop for a while. Your plan's"
         " sessions use it.",
         "Relaxing is a skill: it gets easier the more you practise, even for a few minutes a day.")),
    Talk(
        "sleep-and-sitting", "Sleep and sitting",
        ("One source suggests that long spells of sitting, especially slumped, overload the back. Getting up"
         " for a short movement break every so often is the guide's suggestion.",
         "Sit supported, with your feet flat, and change position often (the guide's suggestion).",
         "One source advises bending your knees, not your back, to lift something. That is a comfortable choice,"
         " not the only safe way, except with thin bones (osteoporosis): then keep your back long under a load.",
         "If pain keeps you awake, a calm routine before bed and the relaxation from this course may help you"
         " settle (the guide's suggestion).",
         NIGHT_PAIN_POINT),
        ("How long do you usually sit without a break?", "What helps you get comfortable at night?"),
        ("Did you take movement breaks? How many, and when?", "What changed in how you sit or sleep?"),
        (("gravity-and-sitting", "gravity, sitting and the back"), ("strength-and-habits", "the movement break"),
         ("progressive-muscle-relaxation", "a relaxation to use at bedtime"),
         ("red-flags", "the red flags, night pain among them")),
        ("One source suggests that long spells of sitting, especially slumped, overload the back. Getting up"
         " for a short movement break every so often is the guide's suggestion.",
         "If pain keeps you awake, a calm routine before bed may help you settle: the relaxation in your plan"
         " is one (the guide's suggestion).",
         NIGHT_PAIN_POINT)),
    Talk(
        "keeping-going", "Keeping going after the course",
        ("The course ends; the habits are what last. Choose a few exercises, at your level, and a time of day.",
         "One source suggests that strength work, for the legs and the belly, helps more in the long run than"
         " stretching alone.",
         "Keep a simple note of what you did and how your back felt the next day.",
         f"Know when to see a GP: {SEE_A_GP}. The red flags need help sooner: some the same day, some at once (999)."),
        ("Which exercises will you keep? When, and where?", "What might stop you, and how will you get round it?"),
        ("What will you do next week, without the class?", "Who could do it with you?"),
        (("class-plans", "ready-made plans and the plan builder, to make your own"),
         ("timers", "the timers, for practice at home"), ("red-flags", "when to see a doctor")),
        ("Your programme ends here; the habit is what lasts. Choose a few exercises at the level you have"
         " reached, and a time of day that suits you.",
         "One source suggests that strength work, for your legs and your belly, helps more in the long run than"
         " stretching alone.",
         "Keep a note of what you did and how your back felt the next day: your diary does this for you.",
         f"See a GP if {SEE_A_GP}.")),
)}


def get_talk(id: str) -> Talk:
    try:
        return TALKS[id]
    except (KeyError, TypeError):
        raise CourseError(f"no talk called {id!r}; talks: {', '.join(TALKS)}") from None
