"""A character-level language model on the text of Debian's fortunes, trained with the Keras-style
API (an ``rt.Model`` subclass, ``compile``, ``fit``).

    python examples/char_lm.py                        # LSTM, a few epochs on the whole corpus
    python examples/char_lm.py --model transformer    # a small causal Transformer instead
    python examples/char_lm.py --max-chars 200000 --epochs 2 --steps-per-epoch 50

Each epoch prints the training and validation cross-entropy (nats per character) and perplexity,
next to the unigram entropy of the text (what a model that ignores context achieves). At the end
the model samples text from a prompt. The text comes from ``rt.data.datasets.TextFile`` (default: every
fortune file in /usr/share/games/fortunes; ``apt-get install fortunes``).
"""
import argparse
import math
import time

import numpy as np

import rustorch as rt
from rustorch import nn
from rustorch.nn import functional as F


class CharLSTM(rt.Model):
    """Embedding -> LSTM (num_layers, dropout between layers) -> Linear to the vocabulary."""

    def __init__(self, vocab_size, embed_dim=64, hidden_size=256, num_layers=2, dropout=0.1):
        super().__init__()
        self.embed = nn.Embedding(vocab_size, embed_dim)
        self.lstm = nn.LSTM(embed_dim, hidden_size, num_layers=num_layers, batch_first=True,
                            dropout=dropout if num_layers > 1 else 0.0)
        self.head = nn.Linear(hidden_size, vocab_size)

    def forward(self, ids):
        out, _ = self.lstm(self.embed(ids))
        return self.head(out)

    def step(self, ids, state):
        """Logits of the next character after ``ids`` (B, T) and the carried LSTM state."""
        out, state = self.lstm(self.embed(ids), state)
        return self.head(out[:, -1]), state


class CharTransformer(rt.Model):
    """Token + learned position embeddings -> causal pre-norm TransformerEncoder -> LayerNorm ->
    Linear to the vocabulary."""

    def __init__(self, vocab_size, context=64, d_model=128, nhead=4, num_layers=2, dropout=0.1):
        super().__init__()
        self.context = context
        self.embed = nn.Embedding(vocab_size, d_model)
        self.pos = nn.Embedding(context, d_model)
        layer = nn.TransformerEncoderLayer(d_model, nhead, 4 * d_model, dropout=dropout, activation="gelu",
                                           batch_first=True, norm_first=True)
        self.encoder = nn.TransformerEncoder(layer, num_layers)
        self.norm = nn.LayerNorm(d_model)
        self.head = nn.Linear(d_model, vocab_size)

    def forward(self, ids):
        T = ids.shape[1]
        if T > self.context:
            raise ValueError(f"CharTransformer: sequence of {T} characters exceeds the context of {self.context}")
        x = self.embed(ids) + self.pos(rt.arange(T))
        mask = nn.Transformer.generate_square_subsequent_mask(T, dtype=x.dtype)
        return self.head(self.norm(self.encoder(x, mask=mask, is_causal=True)))

    def step(self, ids, state):
        """Logits of the next character (the model sees the last ``context`` characters)."""
        return self.forward(ids[:, -self.context:])[:, -1], None


def sequence_cross_entropy(logits, targets):
    """Mean cross-entropy over every position: logits (B, T, V), targets (B, T)."""
    return F.cross_entropy(logits.reshape(-1, logits.shape[-1]), targets.reshape(-1))


def unigram_entropy(ids, vocab_size):
    """Entropy (nats) of the character frequencies: the loss of the best context-free model."""
    counts = np.bincount(np.asarray(ids), minlength=vocab_size).astype(np.float64)
    p = counts[counts > 0] / counts.sum()
    return float(-(p * np.log(p)).sum())


class PerplexityLogger(rt.callbacks.Callback):
    """Prints loss and perplexity per epoch (and keeps them for the caller)."""

    def __init__(self, unigram, printer=print):
        super().__init__()
        self.unigram, self.printer, self.rows = unigram, printer, []
        self._start = None

    def on_epoch_begin(self, epoch, logs=None):
        self._start = time.perf_counter()

    def on_epoch_end(self, epoch, logs=None):
        logs = logs or {}
        loss, val = float(logs["loss"]), logs.get("val_loss")
        row = {"epoch": epoch + 1, "loss": loss, "perplexity": math.exp(loss)}
        line = f"epoch {epoch + 1}: loss {loss:.3f} nats/char (perplexity {math.exp(loss):.2f})"
        if val is not None:
            row.update(val_loss=float(val), val_perplexity=math.exp(float(val)))
            line += f", val_loss {float(val):.3f} (perplexity {math.exp(float(val)):.2f})"
        line += f"  [unigram entropy {self.unigram:.3f}; {time.perf_counter() - self._start:.1f} s]"
        self.rows.append(row)
        self.printer(line)


def sample(model, dataset, prompt, length, temperature=0.8, seed=0):
    """``prompt`` continued by ``length`` characters drawn from the model's softmax / temperature."""
    rng = np.random.default_rng(seed)
    model.eval()
    chars = [c for c in prompt if c in dataset.stoi] or [dataset.itos[0]]
    ids = dataset.encode("".join(chars)).reshape(1, -1)
    out = list(chars)
    with rt.no_grad():
        logits, state = model.step(ids, None)
        context = ids
        for _ in range(length):
            p = rt.softmax(logits[0] / temperature, -1).numpy().astype(np.float64)
            nxt = int(rng.choice(len(p), p=p / p.sum()))
            out.append(dataset.itos[nxt])
            token = rt.tensor([[nxt]])
            if state is not None:  # recurrent: feed one character with the carried state
                logits, state = model.step(token, state)
            else:  # attention: feed the (truncated) context again
                context = rt.cat([context, token], 1)
                logits, _ = model.step(context, None)
    return "".join(out)


def build_model(kind, vocab_size, seq_len, small=False):
    if kind == "lstm":
        return CharLSTM(vocab_size, embed_dim=32 if small else 64, hidden_size=128 if small else 256,
                        num_layers=1 if small else 2)
    if kind == "transformer":
        return CharTransformer(vocab_size, context=seq_len, d_model=64 if small else 128, nhead=4,
                               num_layers=1 if small else 2, dropout=0.0 if small else 0.1)
    raise ValueError(f"char_lm: unknown model {kind!r} (expected 'lstm' or 'transformer')")


def main(argv=None, printer=print):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--model", choices=["lstm", "transformer"], default="lstm")
    parser.add_argument("--files", default=None, help="text file(s) or a directory (default: the fortunes)")
    parser.add_argument("--max-chars", type=int, default=None, help="use only the first N characters")
    parser.add_argument("--seq-len", type=int, default=64)
    parser.add_argument("--batch-size", type=int, default=32)
    parser.add_argument("--epochs", type=int, default=3)
    parser.add_argument("--steps-per-epoch", type=int, default=None)
    parser.add_argument("--lr", type=float, default=3e-3)
    parser.add_argument("--small", action="store_true", help="a smaller model (for quick runs and tests)")
    parser.add_argument("--sample-len", type=int, default=300)
    parser.add_argument("--prompt", default="The ")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--threads", type=int, default=None)
    args = parser.parse_args(argv)

    rt.manual_seed(args.seed)
    if args.threads:
        rt.set_num_threads(args.threads)
    corpus = rt.data.datasets.TextFile(args.files, seq_len=args.seq_len, max_chars=args.max_chars)
    text, vocab = corpus.text, corpus.vocab
    split = int(len(text) * 0.95)
    # Windows overlap by half their length; validation is the last 5% of the text.
    train = rt.data.datasets.CharDataset(text[:split], seq_len=args.seq_len, vocab=vocab, stride=args.seq_len // 2)
    val = rt.data.datasets.CharDataset(text[split:], seq_len=args.seq_len, vocab=vocab, stride=args.seq_len)
    unigram = unigram_entropy(train.ids.numpy(), len(vocab))
    printer(f"{len(corpus.files)} files, {len(text):,} characters, vocabulary {len(vocab)}; "
            f"{len(train):,} training windows of {args.seq_len}; unigram entropy {unigram:.3f} nats/char")

    model = build_model(args.model, len(vocab), args.seq_len, args.small)
    model.compile(optimizer=rt.optim.Adam(model.parameters(), lr=args.lr), loss=sequence_cross_entropy)
    logger = PerplexityLogger(unigram, printer)
    val_batches = None if args.steps_per_epoch is None else max(1, args.steps_per_epoch // 4)
    val_data = val if val_batches is None else rt.data.Subset(val, range(min(len(val), val_batches * args.batch_size)))
    history = model.fit(train, batch_size=args.batch_size, epochs=args.epochs, steps_per_epoch=args.steps_per_epoch,
                        validation_data=val_data, callbacks=[logger], verbose=0)
    text_out = sample(model, train, args.prompt, args.sample_len, seed=args.seed)
    printer("sample:\n" + text_out)
    return {"history": history.history, "epochs": logger.rows, "unigram_entropy": unigram, "sample": text_out,
            "vocab_size": len(vocab)}


if __name__ == "__main__":
    main()
