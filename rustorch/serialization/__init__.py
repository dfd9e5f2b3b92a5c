"""Saving and loading (``rt.saving``): plain safetensors files, module configs, model files and
checkpoints, all written atomically. See safetensors.py, config.py and model_file.py.

Module imports here stay light (no rustorch.nn at import time): ``rustorch.nn.modules.module``
imports ``config`` while the nn package is being built.
"""
from .atomic import atomic_write
from .config import (register_serializable, register_keras_serializable, get_registered_name,
                     get_registered_object, serialize_object, deserialize_object, custom_object_scope)
from .safetensors import save, load, save_file, load_file, save_weights, load_weights, serialize, deserialize
from .model_file import save_model, load_model, save_checkpoint, load_checkpoint, read_model_config

__all__ = ["atomic_write", "register_serializable", "register_keras_serializable", "get_registered_name",
           "get_registered_object", "serialize_object", "deserialize_object", "custom_object_scope", "save", "load",
           "save_file", "load_file", "save_weights", "load_weights", "serialize", "deserialize", "save_model",
           "load_model", "save_checkpoint", "load_checkpoint", "read_model_config"]
