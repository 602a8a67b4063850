//! Study mode panel: the question, the choices, right or wrong, and the round's result.

use egui::{Key, Modifiers, RichText, Ui};

use super::palette::Palette;
use super::widgets::{in_sentence, section};
use crate::model::Atlas;
use crate::model::content::Side;
use crate::model::quiz::{Question, Quiz};
use crate::state::{Command, StudyProgress};

const NUMBER_KEYS: [Key; 4] = [Key::Num1, Key::Num2, Key::Num3, Key::Num4];

/// The study panel. Keys: 1-4 choose, Enter goes on.
pub fn quiz_ui(
    ui: &mut Ui,
    atlas: &Atlas,
    quiz: &Quiz,
    progress: &StudyProgress,
    palette: &Palette,
    commands: &mut Vec<Command>,
) {
    ui.add_space(4.0);
    ui.horizontal(|ui| {
        ui.heading(RichText::new("Study: foot reflex zones").strong());
        ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
            if ui
                .button("Close")
                .on_hover_text("Leave study mode")
                .clicked()
            {
                commands.push(Command::EndStudy);
            }
        });
    });
    if quiz.is_finished() {
        results_ui(ui, atlas, quiz, progress, commands);
        return;
    }
    let Some(question) = quiz.question() else {
        return;
    };
    ui.weak(format!(
        "Question {} of {} · score {}",
        quiz.current + 1,
        quiz.questions.len(),
        quiz.score()
    ));
    ui.add_space(8.0);
    let target = question.target();
    let zone_name = in_sentence(
        atlas
            .zone(&target.zone)
            .map_or(target.zone.as_str(), |z| z.name.as_str()),
    );
    let foot = foot_word(target.side);
    match question {
        Question::Find(_) => {
            ui.label(
                RichText::new(format!("Find the {zone_name} on the {foot}."))
                    .size(18.0)
                    .strong(),
            );
            if quiz.feedback().is_none() {
                ui.weak("Click it on the map (or Tab to it and press Enter).");
            }
        }
        Question::Identify {
            choices, correct, ..
        } => {
            ui.label(
                RichText::new(format!(
                    "What does the highlighted zone on the {foot} correspond to?"
                ))
                .size(18.0)
                .strong(),
            );
            ui.add_space(6.0);
            let answered = quiz.feedback();
            for (i, choice) in choices.iter().enumerate() {
                let name = atlas
                    .zone(choice)
                    .map_or(choice.as_str(), |z| z.name.as_str());
                let mut text = RichText::new(format!("{}. {name}", i + 1));
                if let Some(a) = answered {
                    if i == *correct {
                        text = text.color(palette.success).strong();
                    } else if a.given == *choice {
                        text = text.color(palette.danger);
                    }
                }
                let button = ui.add_enabled(
                    answered.is_none(),
                    egui::Button::new(text).min_size(egui::vec2(ui.available_width(), 28.0)),
                );
                if button.clicked() {
                    commands.push(Command::StudyChoice(i));
                }
            }
            if answered.is_none() {
                for (i, key) in NUMBER_KEYS.iter().enumerate().take(choices.len()) {
                    if ui.input_mut(|input| input.consume_key(Modifiers::NONE, *key)) {
                        commands.push(Command::StudyChoice(i));
                    }
                }
            }
        }
    }
    if let Some(answer) = quiz.feedback() {
        ui.add_space(10.0);
        if answer.correct {
            ui.label(
                RichText::new("Right!")
                    .size(20.0)
                    .strong()
                    .color(palette.success),
            );
        } else {
            ui.label(
                RichText::new("Not quite.")
                    .size(20.0)
                    .strong()
                    .color(palette.danger),
            );
            if let Question::Find(_) = question {
                let clicked = atlas
                    .find_region(&answer.given)
                    .and_then(|r| atlas.region(r))
                    .map(|r| atlas.region_label(r));
                if let Some(clicked) = clicked {
                    let clicked = in_sentence(&clicked);
                    ui.label(format!(
                        "You clicked the {clicked}. The {zone_name} on the {foot} is outlined in green."
                    ));
                }
            }
        }
        if let Some(zone) = atlas.zone(&target.zone) {
            ui.add_space(4.0);
            ui.label(RichText::new(format!("{}: corresponds to", zone.name)).strong());
            ui.label(&zone.corresponds_to);
            ui.label(RichText::new("Where it lies").strong());
            ui.label(&zone.location);
        }
        ui.add_space(8.0);
        let last = quiz.current + 1 == quiz.questions.len();
        let next = ui.button(if last {
            "See the result (Enter)"
        } else {
            "Next question (Enter)"
        });
        if next.clicked() || ui.input_mut(|i| i.consume_key(Modifiers::NONE, Key::Enter)) {
            commands.push(Command::StudyNext);
        }
    }
    ui.add_space(12.0);
    ui.weak(&atlas.safety.reflexology_evidence);
}

fn results_ui(
    ui: &mut Ui,
    atlas: &Atlas,
    quiz: &Quiz,
    progress: &StudyProgress,
    commands: &mut Vec<Command>,
) {
    ui.add_space(8.0);
    ui.label(
        RichText::new(format!(
            "Score: {} of {}",
            quiz.score(),
            quiz.questions.len()
        ))
        .size(22.0)
        .strong(),
    );
    if let Some((best, of)) = progress.best {
        ui.weak(format!(
            "Best round: {best} of {of} · rounds completed: {}",
            progress.rounds
        ));
    }
    let missed = quiz.missed();
    section(ui, "Missed this round");
    if missed.is_empty() {
        ui.label("Nothing: well done.");
    }
    for t in missed {
        let name = atlas
            .zone(&t.zone)
            .map_or(t.zone.as_str(), |z| z.name.as_str());
        ui.label(format!("• {name}, {}", foot_word(t.side)));
    }
    let most = progress.most_missed(5);
    if !most.is_empty() {
        section(ui, "Most often missed, all rounds");
        for (key, count) in most {
            let name = atlas
                .zone(&key.zone)
                .map_or(key.zone.as_str(), |z| z.name.as_str());
            ui.label(format!("• {name}, {}: {count}×", foot_word(key.side)));
        }
    }
    ui.add_space(10.0);
    ui.horizontal(|ui| {
        if ui.button("New round").clicked()
            || ui.input_mut(|i| i.consume_key(Modifiers::NONE, Key::Enter))
        {
            commands.push(Command::StartStudy);
        }
        if ui.button("Close").clicked() {
            commands.push(Command::EndStudy);
        }
    });
}

fn foot_word(side: Side) -> &'static str {
    match side {
        Side::Left => "left foot",
        Side::Right => "right foot",
        Side::Midline => "feet",
    }
}
