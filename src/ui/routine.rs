//! The routine panel: the red-flag check before anything starts, then the current step with
//! its tool and position, the hold timer and breathing pacer, pause, skip and back.

use egui::{Key, Modifiers, RichText, Ui, vec2};

use super::palette::Palette;
use super::widgets::{callout, danger_frame, labelled, red_flags_ui, secs};
use crate::model::Atlas;
use crate::model::routine::{Action, Breath, Run, Timer};
use crate::state::{Command, RoutineCommand, RoutineState};

/// What the routine panel needs for one frame.
pub struct RoutineInput<'a> {
    pub atlas: &'a Atlas,
    pub routine: &'a RoutineState,
    /// The state clock's time, for the countdown and the pacer.
    pub now: f64,
    pub palette: &'a Palette,
}

fn push(commands: &mut Vec<Command>, command: RoutineCommand) {
    commands.push(Command::Routine(command));
}

/// The routine panel. Space starts, pauses and resumes a hold.
pub fn routine_ui(ui: &mut Ui, input: &RoutineInput<'_>, commands: &mut Vec<Command>) {
    let run = &input.routine.run;
    ui.add_space(4.0);
    ui.horizontal(|ui| {
        ui.heading(RichText::new(&run.plan.name).strong());
        if !run.is_finished() {
            ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
                if ui
                    .button("End")
                    .on_hover_text("Leave the routine")
                    .clicked()
                {
                    push(commands, RoutineCommand::End);
                }
            });
        }
    });
    egui::ScrollArea::vertical()
        .id_salt("routine")
        .auto_shrink([false, false])
        .show(ui, |ui| {
            if !input.routine.begun {
                before_start_ui(ui, input, commands);
            } else if run.is_finished() {
                finished_ui(ui, input, commands);
            } else {
                step_ui(ui, input, commands);
            }
        });
}

/// The red flags first: nothing starts until the person says none of them applies.
fn before_start_ui(ui: &mut Ui, input: &RoutineInput<'_>, commands: &mut Vec<Command>) {
    let (run, palette) = (&input.routine.run, input.palette);
    ui.add_space(6.0);
    danger_frame(palette).show(ui, |ui| {
        ui.set_width(ui.available_width());
        ui.label(
            RichText::new("Before you start: red flags")
                .strong()
                .size(17.0)
                .color(palette.danger),
        );
        ui.label("Do not massage, and get medical help as shown, if any of these apply:");
        ui.add_space(4.0);
        red_flags_ui(ui, &input.atlas.safety, palette, true);
    });
    if !run.plan.cautions.is_empty() {
        ui.add_space(6.0);
        ui.label(RichText::new("For this routine").strong());
        for caution in &run.plan.cautions {
            callout(ui, palette.warning, caution);
        }
    }
    ui.add_space(6.0);
    if !run.plan.tool.is_empty() {
        labelled(ui, "You need", &run.plan.tool);
    }
    if !run.plan.position.is_empty() {
        labelled(ui, "Start", &run.plan.position);
    }
    labelled(
        ui,
        "Steps",
        &format!(
            "{} in {} part(s)",
            run.plan.steps.len(),
            run.plan.parts.len()
        ),
    );
    ui.add_space(8.0);
    let begin = egui::Button::new(RichText::new("None of these apply: begin").strong())
        .min_size(vec2(ui.available_width(), 32.0));
    if ui.add(begin).clicked() {
        push(commands, RoutineCommand::Begin);
    }
    if ui
        .link("Read all red flags and when not to massage…")
        .clicked()
    {
        commands.push(Command::ShowSafety(true));
    }
}

fn step_ui(ui: &mut Ui, input: &RoutineInput<'_>, commands: &mut Vec<Command>) {
    let (run, palette) = (&input.routine.run, input.palette);
    let Some(step) = run.current() else { return };
    let part = run.plan.part_of(run.step);
    ui.weak(format!(
        "Step {} of {}{}",
        run.step + 1,
        run.plan.steps.len(),
        part.map_or_else(String::new, |p| format!(" · {}", p.title))
    ));
    ui.add(egui::ProgressBar::new(progress(run)).desired_height(6.0));
    ui.add_space(6.0);
    if let Some(part) = part {
        ui.label(RichText::new(&part.title).strong().size(17.0));
        if !part.position.is_empty() {
            labelled(ui, "Position", &part.position);
        }
    }
    if let Action::Stretch { name, .. } = &step.action {
        ui.label(RichText::new(format!("Stretch: {name}")).strong());
    }
    ui.add_space(4.0);
    ui.label(RichText::new(&step.text).size(15.0));
    ui.add_space(8.0);
    if let Some(label) = run.set_label() {
        ui.label(RichText::new(label).strong().color(palette.info));
    }
    if step.action.range().is_some() {
        timer_ui(ui, input, commands);
    } else if ui
        .add(egui::Button::new("Next step").min_size(vec2(160.0, 30.0)))
        .clicked()
    {
        push(commands, RoutineCommand::Next);
    }
    ui.add_space(10.0);
    ui.horizontal(|ui| {
        let back = ui.add_enabled(run.step > 0, egui::Button::new("Back"));
        if back.on_hover_text("The previous step").clicked() {
            push(commands, RoutineCommand::Back);
        }
        if ui
            .button("Skip")
            .on_hover_text("Go to the next step without finishing this one")
            .clicked()
        {
            push(commands, RoutineCommand::Skip);
        }
    });
    if let Some(part) = part {
        ui.add_space(8.0);
        if let Some(breathing) = &part.breathing {
            labelled(ui, "Breathing", breathing);
        }
        if let Some(pressure) = &part.pressure {
            labelled(ui, "Pressure", pressure);
        }
    }
    ui.add_space(8.0);
    callout(
        ui,
        palette.danger,
        "Stop at once and move off the spot if you feel tingling, burning, numbness or electric pain.",
    );
    if ui.link("Red flags: when to see a doctor…").clicked() {
        commands.push(Command::ShowSafety(true));
    }
}

/// The hold: its length within the range, the countdown, the pacer, and what comes next.
fn timer_ui(ui: &mut Ui, input: &RoutineInput<'_>, commands: &mut Vec<Command>) {
    let (run, palette, now) = (&input.routine.run, input.palette, input.now);
    let Some(step) = run.current() else { return };
    let (Some(range), Some(hold)) = (step.action.range(), run.hold_secs()) else {
        return;
    };
    let ready = run.timer == Timer::Ready;
    ui.horizontal(|ui| {
        ui.label(RichText::new("Hold").strong());
        let shorter = ui.add_enabled(ready && hold > range.0, egui::Button::new("Shorter"));
        if shorter.on_hover_text("A shorter hold").clicked() {
            push(commands, RoutineCommand::Shorter);
        }
        ui.label(RichText::new(format!("{hold} s")).strong());
        let longer = ui.add_enabled(ready && hold < range.1, egui::Button::new("Longer"));
        if longer.on_hover_text("A longer hold").clicked() {
            push(commands, RoutineCommand::Longer);
        }
        ui.weak(format!("(choose within {})", secs(range)));
    });
    let remaining = run.remaining(now).unwrap_or(0.0);
    ui.horizontal(|ui| {
        ui.label(
            RichText::new(clock_text(remaining))
                .size(40.0)
                .strong()
                .monospace(),
        );
        if let Some(breath) = run.breath(now) {
            pacer_ui(ui, breath, palette);
        }
    });
    let done = f64::from(hold) - remaining;
    ui.add(egui::ProgressBar::new((done / f64::from(hold).max(1.0)) as f32).desired_height(8.0));
    ui.add_space(6.0);
    let space = !ui.ctx().egui_wants_keyboard_input()
        && ui.input_mut(|i| i.consume_key(Modifiers::NONE, Key::Space));
    let wide = vec2(170.0, 30.0);
    match run.timer {
        Timer::Ready => {
            let start =
                ui.add(egui::Button::new(RichText::new("Start hold").strong()).min_size(wide));
            if start.on_hover_text("Space").clicked() || space {
                push(commands, RoutineCommand::StartHold);
            }
        }
        Timer::Running { .. } => {
            if ui.add(egui::Button::new("Pause").min_size(wide)).clicked() || space {
                push(commands, RoutineCommand::Pause);
            }
        }
        Timer::Paused { .. } => {
            ui.label(RichText::new("Paused").strong().color(palette.warning));
            if ui.add(egui::Button::new("Resume").min_size(wide)).clicked() || space {
                push(commands, RoutineCommand::Resume);
            }
        }
        Timer::Done => done_ui(ui, run, palette, commands),
    }
}

/// The end of a hold: a clear cue, then another spot or on.
fn done_ui(ui: &mut Ui, run: &Run, palette: &Palette, commands: &mut Vec<Command>) {
    egui::Frame::new()
        .fill(palette.success.gamma_multiply(0.15))
        .stroke(egui::Stroke::new(2.0, palette.success))
        .corner_radius(4.0)
        .inner_margin(8.0)
        .show(ui, |ui| {
            ui.set_width(ui.available_width());
            ui.label(
                RichText::new("Hold complete: ease off slowly")
                    .strong()
                    .size(17.0)
                    .color(palette.success),
            );
            let is_hold = matches!(run.current().map(|s| &s.action), Some(Action::Hold { .. }));
            if is_hold {
                ui.label("Move the ball to another spot on the same muscle, or go on.");
                if run.spots > 0 {
                    ui.weak(format!("Spots held on this muscle: {}", run.spots + 1));
                }
            }
            ui.horizontal_wrapped(|ui| {
                if is_hold && ui.button("Another spot on this muscle").clicked() {
                    push(commands, RoutineCommand::AnotherSpot);
                }
                let sets = run.current().map_or(1, |s| s.action.sets());
                let label = if run.set + 1 < sets {
                    "Next hold"
                } else if run.step + 1 < run.plan.steps.len() {
                    "Next step"
                } else {
                    "Finish"
                };
                if ui.button(RichText::new(label).strong()).clicked() {
                    push(commands, RoutineCommand::Next);
                }
            });
        });
}

fn finished_ui(ui: &mut Ui, input: &RoutineInput<'_>, commands: &mut Vec<Command>) {
    let palette = input.palette;
    ui.add_space(10.0);
    ui.label(
        RichText::new("Routine complete")
            .strong()
            .size(20.0)
            .color(palette.success),
    );
    ui.label("Get up slowly. Drink some water, and notice how the area feels over the next day: some tenderness is common, sharp or spreading pain is not.");
    ui.add_space(6.0);
    callout(
        ui,
        palette.warning,
        "New numbness, weakness, or symptoms that keep getting worse after self-massage need a clinician: stop the routine until you have been assessed.",
    );
    ui.add_space(6.0);
    ui.horizontal(|ui| {
        if ui.button("Back").clicked() {
            push(commands, RoutineCommand::Back);
        }
        if ui.button(RichText::new("Close").strong()).clicked() {
            push(commands, RoutineCommand::End);
        }
    });
}

/// The breathing pacer: a circle that fills while breathing in and empties while breathing
/// out, one step a second.
fn pacer_ui(ui: &mut Ui, breath: Breath, palette: &Palette) {
    let size = vec2(96.0, 70.0);
    let (rect, _) = ui.allocate_exact_size(size, egui::Sense::hover());
    let painter = ui.painter_at(rect);
    let center = egui::pos2(rect.left() + 30.0, rect.center().y);
    let radius = 8.0 + 22.0 * breath.fullness.clamp(0.0, 1.0);
    painter.circle_stroke(center, 30.0, egui::Stroke::new(1.0, palette.info));
    painter.circle_filled(center, radius, palette.info.gamma_multiply(0.6));
    ui.vertical(|ui| {
        let word = if breath.inhale {
            "Breathe in"
        } else {
            "Breathe out"
        };
        ui.label(RichText::new(word).strong().color(palette.info));
        ui.label(RichText::new(breath.secs_left.to_string()).size(18.0));
    });
}

/// "1:05", from seconds left (rounded up, so the display reaches 0:00 as the hold ends).
#[must_use]
pub fn clock_text(remaining: f64) -> String {
    let whole = remaining.max(0.0).ceil();
    #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)] // small, non-negative
    let whole = whole as u64;
    format!("{}:{:02}", whole / 60, whole % 60)
}

fn progress(run: &Run) -> f32 {
    let total = run.plan.steps.len().max(1);
    #[allow(clippy::cast_precision_loss)] // a handful of steps
    let done = run.step as f32 / total as f32;
    done
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_countdown_rounds_up_to_whole_seconds() {
        assert_eq!(clock_text(90.0), "1:30");
        assert_eq!(clock_text(29.2), "0:30");
        assert_eq!(clock_text(0.0), "0:00");
        assert_eq!(clock_text(-3.0), "0:00");
    }
}
