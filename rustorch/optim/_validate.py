"""Range checks of optimizer options, with PyTorch's messages."""


def check_lr(group):
    if not 0.0 <= float(group["lr"]):
        raise ValueError(f"Invalid learning rate: {group['lr']}")


def check_nonneg(group, key, label=None):
    if not 0.0 <= float(group[key]):
        raise ValueError(f"Invalid {label or key} value: {group[key]}")


def check_eps(group):
    if not 0.0 <= float(group["eps"]):
        raise ValueError(f"Invalid epsilon value: {group['eps']}")


def check_betas(group):
    betas = group["betas"]
    if not isinstance(betas, (tuple, list)) or len(betas) != 2:
        raise ValueError(f"betas must be a pair of floats, got {betas!r}")
    for i, b in enumerate(betas):
        if not 0.0 <= float(b) < 1.0:
            raise ValueError(f"Invalid beta parameter at index {i}: {b}")
