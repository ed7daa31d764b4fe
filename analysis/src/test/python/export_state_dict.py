import os, numpy as np, torch
lstm = torch.nn.LSTM(input_size=2, hidden_size=8)  # your trained one-layer model (RNN and GRU work too)
os.makedirs("weights", exist_ok=True)
for name, tensor in lstm.state_dict().items():  # weight_ih_l0, weight_hh_l0, bias_ih_l0, bias_hh_l0
    np.save(os.path.join("weights", name + ".npy"), tensor.detach().cpu().double().numpy())
