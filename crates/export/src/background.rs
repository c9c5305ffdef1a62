//! A writer on a thread of its own, so that encoding Parquet overlaps the work that produces
//! the rows (parsing and labelling while exporting; reading and placing while merging).
//!
//! Items are applied in the order they are sent, by one thread, so the files written are the
//! same as if the caller had written them itself. The channel holds at most `depth` items,
//! which bounds the memory in flight. Hand-written over `std::sync::mpsc` because it is a
//! dozen lines; a thread pool would not keep the order, and rayon's threads are busy with the
//! core.

use std::sync::mpsc::{Receiver, SyncSender, sync_channel};
use std::thread::JoinHandle;
use std::time::Instant;

use anyhow::{Result, anyhow};

type Apply<T, S> = Box<dyn FnMut(&mut S, T) -> Result<()> + Send>;

/// A writer that owns a state `S` and applies every item sent to it: on a thread of its own,
/// or, when the run is limited to one thread, on the caller's (so that `--threads 1` means
/// one thread).
pub struct Background<T, S> {
    sender: Option<SyncSender<T>>,
    handle: Option<JoinHandle<Result<(S, f64)>>>,
    /// The state and `apply` when items are applied on the caller's thread.
    inline: Option<(S, Apply<T, S>, f64)>,
}

impl<T: Send + 'static, S: Send + 'static> Background<T, S> {
    /// Starts the writer (a thread named `name` if `threaded`). `apply` is called once per
    /// item, in order; its first error stops the thread and is returned by the next
    /// [`Background::send`] or by [`Background::finish`].
    pub fn spawn(
        name: &str,
        threaded: bool,
        depth: usize,
        state: S,
        apply: impl FnMut(&mut S, T) -> Result<()> + Send + 'static,
    ) -> Result<Self> {
        let mut apply: Apply<T, S> = Box::new(apply);
        if !threaded {
            return Ok(Background {
                sender: None,
                handle: None,
                inline: Some((state, apply, 0.0)),
            });
        }
        let (sender, receiver): (SyncSender<T>, Receiver<T>) = sync_channel(depth);
        let handle = std::thread::Builder::new()
            .name(name.to_string())
            .spawn(move || {
                let mut state = state;
                let mut busy = 0.0;
                for item in receiver {
                    let clock = Instant::now();
                    apply(&mut state, item)?;
                    busy += clock.elapsed().as_secs_f64();
                }
                Ok((state, busy))
            })?;
        Ok(Background {
            sender: Some(sender),
            handle: Some(handle),
            inline: None,
        })
    }

    /// Hands an item over, waiting while the channel is full.
    pub fn send(&mut self, item: T) -> Result<()> {
        if let Some((state, apply, busy)) = &mut self.inline {
            let clock = Instant::now();
            apply(state, item)?;
            *busy += clock.elapsed().as_secs_f64();
            return Ok(());
        }
        let Some(sender) = self.sender.as_ref() else {
            return Err(anyhow!("the writer thread has already stopped"));
        };
        if sender.send(item).is_ok() {
            return Ok(());
        }
        // The thread stopped on an error: that error is what the caller needs to see.
        match self.join() {
            Err(e) => Err(e),
            Ok(_) => Err(anyhow!("the writer thread stopped early")),
        }
    }

    /// Waits until every item sent is applied; returns the state and the seconds spent
    /// applying items.
    pub fn finish(mut self) -> Result<(S, f64)> {
        if let Some((state, _, busy)) = self.inline.take() {
            return Ok((state, busy));
        }
        self.join()
    }

    fn join(&mut self) -> Result<(S, f64)> {
        self.sender = None;
        let Some(handle) = self.handle.take() else {
            return Err(anyhow!("the writer thread has already stopped"));
        };
        match handle.join() {
            Ok(result) => result,
            Err(panic) => std::panic::resume_unwind(panic),
        }
    }
}

impl<T, S> Drop for Background<T, S> {
    /// A writer dropped without `finish` (the run failed elsewhere) still stops its thread
    /// before the caller removes the files it writes.
    fn drop(&mut self) {
        self.sender = None;
        if let Some(handle) = self.handle.take() {
            let _ = handle.join();
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn applies_items_in_order_and_returns_the_state() {
        for threaded in [true, false] {
            let mut worker =
                Background::spawn("test", threaded, 1, Vec::new(), |seen: &mut Vec<u32>, x| {
                    seen.push(x);
                    Ok(())
                })
                .unwrap();
            for x in 0..1000 {
                worker.send(x).unwrap();
            }
            let (seen, _) = worker.finish().unwrap();
            assert_eq!(seen, (0..1000).collect::<Vec<_>>());
        }
    }

    #[test]
    fn an_error_on_the_thread_reaches_the_sender() {
        for threaded in [true, false] {
            let mut worker = Background::spawn("test", threaded, 1, (), |_: &mut (), x: u32| {
                if x == 3 {
                    anyhow::bail!("cannot write item {x}");
                }
                Ok(())
            })
            .unwrap();
            let mut error = None;
            for x in 0..100 {
                if let Err(e) = worker.send(x) {
                    error = Some(e.to_string());
                    break;
                }
            }
            let error = match error {
                Some(e) => e,
                None => worker.finish().unwrap_err().to_string(),
            };
            assert_eq!(error, "cannot write item 3");
        }
    }
}
